"""Every write to cases: open a case (``check_register_case``), perform an act of its procedure
(``check_perform_act``), declare a conflict and recuse an officer (回避), set an agency's case settings.

Each ``check_*`` locks what it changes (``lock_objects``: case first), validates and evaluates the guards
(refusing with InvalidInput or RuleViolation and writing nothing), then writes the rows and appends exactly
one record-log event in the same transaction. Callers have passed ``access_case_by_id`` and
``may_handle``. This module is the only place that assigns ``Case.stage``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.cases import events
from sanxiang.cases.digests import digest
from sanxiang.cases.engine.effects import apply_effect
from sanxiang.cases.engine.guards import GuardContext, refusals
from sanxiang.cases.engine.hooks import ActDone, after_act
from sanxiang.cases.engine.limits import apply_changes
from sanxiang.cases.lock_objects import lock_case
from sanxiang.cases.models import Case, CaseAct, CaseOfficer, CaseSetting, Party
from sanxiang.cases.numbering import allocate_number
from sanxiang.core import clock
from sanxiang.core.errors import ConfigurationError, InvalidInput, RuleViolation
from sanxiang.core.validation import validated
from sanxiang.matters import procedures
from sanxiang.matters.enums import ListKind
from sanxiang.matters.models import Matter
from sanxiang.matters.procedures import Procedure, Transition
from sanxiang.matters.selectors import version_in_force
from sanxiang.organizations.models import Agency, Officer
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import writer

User = AbstractBaseUser | AnonymousUser


@transaction.atomic
def check_register_case(
    *,
    actor_user: User,
    agency: Agency,
    matter: Matter,
    parties: Sequence[Party],
    officers: Sequence[Officer],
    violation_on: dt.date,
    facts: str,
    on: dt.date,
    procedure_key: str = "",
    grave_harm: bool = False,
    proposed_fen: int | None = None,
    legal_review_required: bool = False,
    origin: Case | None = None,
    limit_anchors: Mapping[str, dt.date] | None = None,
) -> Case:
    """Open a case (立案) of ``agency`` under ``matter``: its procedure's registration guards (two certified
    officers, recusal, limitation), its number (案号) and the limits registration starts."""
    procedure = _procedure_for(matter, procedure_key)
    _check_opening(agency=agency, parties=parties, officers=officers, violation_on=violation_on, on=on)
    _check_matter_in_force(agency, matter, on=on)
    case = Case(
        agency=agency,
        matter=matter,
        procedure_key=procedure.key,
        procedure_version=procedure.version,
        stage=procedure.initial.code,
        facts=facts.strip(),
        violation_on=violation_on,
        grave_harm=grave_harm,
        proposed_fen=proposed_fen,
        registered_on=on,
        legal_review_required=legal_review_required,
        origin=origin,
    )
    assignments = tuple(CaseOfficer(officer=officer) for officer in officers)
    _refuse(
        procedure.register_guards,
        GuardContext(case, procedure, "register", on, {}, assignments, actor_user),
    )
    validated(case)
    case.save()
    case.parties.set(parties)
    CaseOfficer.objects.bulk_create([CaseOfficer(case=case, officer=officer) for officer in officers])
    actor = actor_of(actor_user, on=on)
    if procedure.number_code:
        allocated = allocate_number(
            agency=agency, code=procedure.number_code, year=on.year, actor=actor, subject=_subject(case)
        )
        case.number = allocated.text
        case.save(update_fields=["number"])
    limits = apply_changes(
        case,
        procedure.register_limits,
        procedure=procedure,
        on=on,
        calendar=get_working_calendar(),
        anchors=limit_anchors,
    )
    _store_act(case, "register", "", case.stage, on=on, actor_user=actor_user, note="")
    writer.append(
        events.CASE_REGISTERED.code,
        agency_id=agency.pk,
        actor=actor,
        subject=_subject(case),
        data={
            "procedure": procedure.key,
            "version": procedure.version,
            "stage": case.stage,
            "matter": matter.code,
            "number": case.number,
            "registered_on": on.isoformat(),
            "parties": [party.pk for party in parties],
            "officers": [officer.pk for officer in officers],
            "limits": limits,
            **({"origin": origin.pk} if origin is not None else {}),
        },
    )
    return case


@transaction.atomic
def check_perform_act(
    case: Case, *, act: str, actor_user: User, on: dt.date, data: Mapping[str, Any] | None = None
) -> Case:
    """Perform ``act`` on ``case`` on day ``on``: refused unless the procedure allows it from the current
    stage and every guard passes; then the stage, the act row, the limits and one record, together."""
    data = dict(data or {})
    case = lock_case(case.pk)
    procedure = _procedure_of(case)
    transition = _transition(procedure, case, act)
    _check_day(case, on)
    _refuse(transition.guards, context(case, procedure, act, on, data, actor_user=actor_user))
    source = case.stage
    facts = apply_effect(case, act, on=on, data=data, terminal=procedure.stage(transition.target).terminal)
    case.stage = transition.target
    case.updated_at = clock.now()
    validated(case)
    case.save()
    note = str(data.get("note", "")).strip()
    _store_act(case, act, source, case.stage, on=on, actor_user=actor_user, note=note)
    limits = apply_changes(
        case, transition.limits, procedure=procedure, on=on, calendar=get_working_calendar()
    )
    event: dict[str, Any] = {"act": act, "from": source, "to": case.stage, "acted_on": on.isoformat()}
    event["limits"] = limits
    if facts:
        event["facts"] = facts
    if note:
        event["note_digest"] = digest(note)
    writer.append(
        events.CASE_ACT_PERFORMED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=on),
        subject=_subject(case),
        data=event,
    )
    after_act(ActDone(case, act, source, case.stage, on, actor_user, data))
    return case


@transaction.atomic
def check_declare_conflict(case: Case, *, officer: Officer, actor_user: User) -> CaseOfficer:
    """Record that a handling officer declared a conflict (行政处罚法 第43条); the case cannot move on
    until the officer is recused."""
    case = lock_case(case.pk)
    assignment = _assignment(case, officer)
    if assignment.conflict_declared:
        return assignment
    assignment.conflict_declared = True
    assignment.save(update_fields=["conflict_declared"])
    writer.append(
        events.CASE_CONFLICT_DECLARED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=clock.today()),
        subject=_subject(case),
        data={"officer": officer.pk},
    )
    return assignment


@transaction.atomic
def check_recuse_officer(case: Case, *, officer: Officer, replacement: Officer, actor_user: User) -> Case:
    """Recuse ``officer`` (回避, 行政处罚法 第43条) and assign ``replacement`` of the same agency."""
    case = lock_case(case.pk)
    assignment = _assignment(case, officer)
    if replacement.agency_id != case.agency_id or case.assignments.filter(officer=replacement).exists():
        raise InvalidInput(_("The replacement must be another officer of the case's agency."))
    assignment.delete()
    CaseOfficer.objects.create(case=case, officer=replacement)
    writer.append(
        events.CASE_OFFICER_RECUSED.code,
        agency_id=case.agency_id,
        actor=actor_of(actor_user, on=clock.today()),
        subject=_subject(case),
        data={"officer": officer.pk, "replacement": replacement.pk},
    )
    return case


@transaction.atomic
def check_set_case_setting(
    *,
    actor_user: User,
    agency: Agency,
    effective_from: dt.date,
    hearing_person_fen: int,
    hearing_organization_fen: int,
    amber_working_days: int,
    levy_late_per_10000: int = 0,
) -> CaseSetting:
    """Set the agency's hearing thresholds (较大数额, 行政处罚法 第63条) and amber threshold from a day."""
    row = CaseSetting.objects.filter(agency=agency, effective_from=effective_from).first()
    row = row or CaseSetting(agency=agency, effective_from=effective_from)
    row.hearing_threshold_person_fen = hearing_person_fen
    row.hearing_threshold_organization_fen = hearing_organization_fen
    row.amber_working_days = amber_working_days
    row.levy_late_per_10000 = levy_late_per_10000
    row.updated_at = clock.now()
    validated(row)
    row.save()
    writer.append(
        events.CASE_SETTING_SET.code,
        agency_id=agency.pk,
        actor=actor_of(actor_user, on=clock.today()),
        subject=writer.Subject("agency", str(agency.pk)),
        data={
            "effective_from": effective_from.isoformat(),
            "hearing_person_fen": hearing_person_fen,
            "hearing_organization_fen": hearing_organization_fen,
            "amber": amber_working_days,
            "levy_late_per_10000": levy_late_per_10000,
        },
    )
    return row


def context(
    case: Case,
    procedure: Procedure,
    act: str,
    on: dt.date,
    data: Mapping[str, Any],
    *,
    actor_user: User | None = None,
) -> GuardContext:
    """The guard context of an act on a saved case, with its officers and their certificates loaded, and
    who would perform it (None for a preview: guards on the actor then refuse)."""
    assignments = tuple(case.assignments.select_related("officer").prefetch_related("officer__certificates"))
    return GuardContext(case, procedure, act, on, data, assignments, actor_user)


def _procedure_for(matter: Matter, procedure_key: str) -> Procedure:
    """The procedure the matter names, or a variant of it (``penalty_simple`` for a ``penalty`` matter)."""
    key = procedure_key or matter.workflow_key
    if key != matter.workflow_key and not key.startswith(f"{matter.workflow_key}_"):
        raise InvalidInput(
            _("This procedure does not fit the matter."), {"procedure_key": [_("Choose again.")]}
        )
    try:
        return procedures.get(key)
    except KeyError:
        raise InvalidInput(_("No procedure is defined for this matter yet.")) from None


def _check_opening(
    *,
    agency: Agency,
    parties: Sequence[Party],
    officers: Sequence[Officer],
    violation_on: dt.date,
    on: dt.date,
) -> None:
    errors: dict[str, list[str]] = {}
    if not parties or any(party.agency_id != agency.pk for party in parties):
        errors["parties"] = [_("Choose the parties among those registered by the agency.")]
    if len({o.pk for o in officers}) != len(officers) or any(o.agency_id != agency.pk for o in officers):
        errors["officers"] = [_("Choose distinct handling officers of the agency.")]
    if on > clock.today():
        errors["registered_on"] = [_("An act cannot be dated in the future.")]
    if violation_on > on:
        errors["violation_on"] = [_("The violation cannot end after the registration.")]
    if errors:
        raise InvalidInput(_("Please correct the errors below."), errors)


def _check_matter_in_force(agency: Agency, matter: Matter, *, on: dt.date) -> None:
    """A case follows a matter of the catalogue in force for its agency on the day of registration."""
    version = version_in_force(ListKind.CATALOGUE, agency, on=on)
    if version is None or matter.version_id != version.pk:
        raise InvalidInput(
            _("The matter is not in the catalogue in force for the agency on that day."),
            {"matter": [_("Choose a matter of the catalogue in force.")]},
        )


def _procedure_of(case: Case) -> Procedure:
    """The procedure the case started under. A case keeps its version: when the table has moved on, the
    case waits for a migration rule rather than silently following the new one."""
    procedure = procedures.get(case.procedure_key)
    if procedure.version != case.procedure_version:
        raise ConfigurationError(
            _("The case follows version %(old)s of its procedure; version %(new)s is now defined.")
            % {"old": case.procedure_version, "new": procedure.version}
        )
    return procedure


def _transition(procedure: Procedure, case: Case, act: str) -> Transition:
    for transition in procedure.acts_from(case.stage):
        if transition.act == act:
            return transition
    raise RuleViolation(
        _("The act %(act)s is not allowed at the stage %(stage)s of this procedure.")
        % {"act": act, "stage": case.stage}
    )


def _check_day(case: Case, on: dt.date) -> None:
    last = CaseAct.objects.filter(case=case).order_by("-acted_on").values_list("acted_on", flat=True).first()
    if on > clock.today() or (last is not None and on < last):
        raise InvalidInput(
            _("An act is dated between the case's last act and today."), {"on": [_("Give another date.")]}
        )


def _refuse(guards: tuple[str, ...], ctx: GuardContext) -> None:
    messages = refusals(guards, ctx)
    if messages:
        raise RuleViolation(" ".join(messages))


def _assignment(case: Case, officer: Officer) -> CaseOfficer:
    assignment = case.assignments.filter(officer=officer).first()
    if assignment is None:
        raise InvalidInput(_("This officer does not handle the case."))
    return assignment


def _store_act(
    case: Case, act: str, source: str, target: str, *, on: dt.date, actor_user: User, note: str
) -> CaseAct:
    row = CaseAct(
        case=case,
        act=act,
        source=source,
        target=target,
        acted_on=on,
        actor_id=actor_user.pk if actor_user.is_authenticated else None,
        note=note,
    )
    row.save()
    return row


def _subject(case: Case) -> writer.Subject:
    return writer.Subject("case", str(case.pk))

"""Drafts from decisions: the after-act listener of the case engine (registered from
``PublicityConfig.ready``) creates one publication draft per party of a decision act, inside the act's
transaction, with its record. Which acts are decisions is data (``rules.DECISION_ACTS``); acts of other
procedures are skipped. A minor party's decision is excluded at once with its reason (未成年人保护法 第72条).
This module never publishes: approval and publication are the editor's acts (``publicity.actions``).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from sanxiang.calendar.selectors import get_working_calendar
from sanxiang.cases.engine.hooks import ActDone
from sanxiang.cases.enums import IdKind, PartyKind
from sanxiang.cases.models import Case, CaseAct, Party
from sanxiang.core.errors import ConfigurationError
from sanxiang.core.validation import validated
from sanxiang.organizations.models import Agency
from sanxiang.organizations.selectors import actor_of
from sanxiang.publicity import documents, events, rules
from sanxiang.publicity.enums import ExclusionReason, PublicationKind
from sanxiang.publicity.masking import Known
from sanxiang.publicity.models import Publication, PublicationRule
from sanxiang.publicity.workflow import require_transition
from sanxiang.records import writer

CATEGORY = {
    PublicationKind.PENALTY: "行政处罚",
    PublicationKind.LICENSE: "行政许可",
    PublicationKind.LEVY: "行政征收",
    PublicationKind.FEE: "行政收费",
    PublicationKind.COERCION: "行政强制",
    PublicationKind.INSPECTION: "行政检查",
}


def rule_for(agency: Agency, kind: str, *, on: dt.date) -> PublicationRule:
    """The rule in force on ``on`` for ``kind``: the agency's own, else its nearest ancestor's, else the
    default row (agency empty)."""
    ancestors = _path_prefixes(agency.path)
    rows = (
        PublicationRule.objects.filter(kind=kind, effective_from__lte=on)
        .filter(Q(agency__isnull=True) | Q(agency__path__in=ancestors))
        .select_related("agency")
    )
    best = max(
        rows, key=lambda row: (len(row.agency.path) if row.agency else -1, row.effective_from), default=None
    )
    if best is None:
        raise ConfigurationError(_("No publication rule is in force for this kind of decision."))
    return best


def _path_prefixes(path: str) -> list[str]:
    """ "/1/2/5/" → ["/1/", "/1/2/", "/1/2/5/"]: the agency and its ancestors."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def terms_of(rule: PublicationRule) -> rules.RuleTerms:
    return rules.RuleTerms(
        due_working_days=rule.due_working_days,
        display_months=rule.display_months,
        publish_ordinary=rule.publish_ordinary,
        publish_simple=rule.publish_simple,
        basis=rule.basis,
    )


def on_act(done: ActDone) -> None:
    """The listener: a decision act creates its drafts; any other act is ignored."""
    kind = rules.decision_kind(done.case.procedure_key, done.act)
    if kind is None:
        return
    act = CaseAct.objects.filter(case=done.case, act=done.act).order_by("-pk").first()
    assert act is not None  # the engine wrote it before calling listeners
    for party in done.case.parties.order_by("pk"):
        do_create_draft(done, kind=kind, act=act, party=party)


def _party_facts(party: Party) -> documents.PartyFacts:
    private = (party.phone, party.address, party.service_address, party.electronic_address)
    return documents.PartyFacts(
        name=party.name,
        is_person=party.kind == PartyKind.PERSON,
        identifier=party.id_number if party.kind == PartyKind.PERSON else party.uscc,
        representative=party.representative_name,
        private=tuple(value for value in private if value) if party.kind != PartyKind.ORGANIZATION else (),
    )


def known_for(case: Case, party: Party, extra_terms: list[str]) -> Known:
    """Third parties (the case's other natural persons) and the persons' private data."""
    persons = [p for p in case.parties.all() if p.kind != PartyKind.ORGANIZATION]
    names = tuple(p.name for p in persons if p.pk != party.pk and p.kind == PartyKind.PERSON)
    addresses = tuple(v for p in persons for v in (p.address, p.service_address) if v)
    numbers = tuple(v for p in persons for v in (p.phone, p.id_number, p.electronic_address) if v)
    return Known(names=names, addresses=addresses, terms=(*numbers, *extra_terms))


def build_items(
    case: Case, party: Party, *, kind: PublicationKind, act: CaseAct, data: dict[str, object], period: str
) -> dict[str, str]:
    """The 双公示 data items as decided (internal)."""
    articles = "；".join(a.citation for a in case.matter.articles.select_related("law").order_by("pk"))
    result = str(data.get("result") or data.get("note") or act.note or "").strip()
    return {
        "party_name": party.name,
        "credit_code": party.uscc if party.kind != PartyKind.PERSON else party.id_number,
        "representative": party.representative_name if party.kind != PartyKind.PERSON else "",
        "document_number": str(data.get("document_number") or case.number),
        "facts": "\n".join(v for v in (case.facts, case.new_facts) if v),
        "category": CATEGORY[kind],
        "basis": articles,
        "content": _content(case, kind=kind, act=act),
        "result": result or _content(case, kind=kind, act=act),
        "decided_on": act.acted_on.isoformat(),
        "period": period,
        "agency": case.agency.name,
    }


def _content(case: Case, *, kind: PublicationKind, act: CaseAct) -> str:
    if kind == PublicationKind.PENALTY and case.decided_fen:
        return f"罚款人民币{case.decided_fen / 100:.2f}元（{case.matter.name}）"
    if kind == PublicationKind.LICENSE:
        return f"{'准予' if act.act == 'grant' else '不予'}{case.matter.name}"
    return case.matter.name


def do_create_draft(done: ActDone, *, kind: PublicationKind, act: CaseAct, party: Party) -> Publication:
    case = done.case
    rule = rule_for(case.agency, kind, on=done.on)
    terms = terms_of(rule)
    due = rules.publication_due(done.on, terms, calendar=get_working_calendar())
    items = build_items(
        case,
        party,
        kind=kind,
        act=act,
        data=dict(done.data),
        period=f"自公示之日起{terms.display_months}个月",
    )
    masked = documents.masked_items(items, party=_party_facts(party), known=known_for(case, party, []))
    document = documents.render(masked)
    required = rules.must_publish(case.procedure_key, terms)
    publication = Publication(
        agency=case.agency,
        case=case,
        case_act=act,
        party=party,
        kind=kind,
        decided_on=done.on,
        due_on=due.date,
        due_provisional=due.provisional,
        must_publish=required,
        must_publish_default=required,
        rule=rule,
        items=items,
        masked=masked,
        document=document,
        document_digest=documents.sha256(document),
        original_digest=documents.sha256(documents.render(items)),
        search_text=documents.search_text(masked),
    )
    validated(publication)
    publication.save()
    actor = actor_of(done.actor_user, on=done.on)
    writer.append(
        events.PUBLICATION_DRAFTED.code,
        agency_id=case.agency_id,
        actor=actor,
        subject=subject(publication),
        data={
            "kind": kind.value,
            "case": case.pk,
            "act": act.act,
            "party": party.pk,
            "decided_on": done.on.isoformat(),
            "due_on": due.date.isoformat(),
            "must_publish": required,
            "rule": rule.pk,
            "document_digest": publication.document_digest,
            "original_digest": publication.original_digest,
        },
    )
    if _is_minor(party, on=done.on):
        _exclude_minor(publication, actor=actor)
    return publication


def _is_minor(party: Party, *, on: dt.date) -> bool:
    return (
        party.kind == PartyKind.PERSON
        and party.id_kind == IdKind.RESIDENT_ID
        and rules.is_minor(party.id_number, on=on)
    )


def _exclude_minor(publication: Publication, *, actor: writer.Actor) -> None:
    """未成年人保护法 第72条: a minor's decision is never published."""
    publication.status = require_transition(publication.status, "exclude")
    publication.exclusion = ExclusionReason.MINOR
    publication.save(update_fields=["status", "exclusion", "updated_at"])
    writer.append(
        events.PUBLICATION_EXCLUDED.code,
        agency_id=publication.agency_id,
        actor=actor,
        subject=subject(publication),
        data={"reason": ExclusionReason.MINOR.value, "automatic": True},
    )


def subject(publication: Publication) -> writer.Subject:
    return writer.Subject("publication", str(publication.pk))

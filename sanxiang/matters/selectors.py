"""Every read of the matters app that views, other apps and work items use: the version of a list in force on
a date, permission-checked fetches (``access_*``: the same error for missing and forbidden), and staleness
(entries citing amended or repealed articles). Never writes.

Reading: a user reads the lists of the agencies they see and of those agencies' ancestors (a city applies the
provincial catalogue). Editing: administrators of the list's agency (their subtree) only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import NotFoundOrForbidden
from sanxiang.matters.enums import OPEN_STATUSES, ListKind, MatterType, VersionStatus
from sanxiang.matters.models import Article, FeeStandard, Law, ListVersion, Matter, ServiceWindow
from sanxiang.matters.tables import CITING_MODELS, ENTRY_MODELS
from sanxiang.organizations import jurisdiction
from sanxiang.organizations.enums import Role
from sanxiang.organizations.jurisdiction import AnyUser
from sanxiang.organizations.models import Agency, RoleGrant


def _chain_ids(agency: Agency) -> list[int]:
    """The agency's id and its ancestors', nearest first (from the materialised path)."""
    return [int(part) for part in reversed(agency.path.strip("/").split("/")) if part.isdigit()]


def version_in_force(kind: ListKind, agency: Agency, *, on: dt.date) -> ListVersion | None:
    """The published version of ``kind`` a case of ``agency`` must use on ``on``: the agency's own list if it
    has one in force that day, otherwise the nearest ancestor's (the provincial list applies below it)."""
    chain = _chain_ids(agency)
    candidates = ListVersion.objects.filter(
        kind=kind, agency_id__in=chain, status=VersionStatus.PUBLISHED, effective_from__lte=on
    ).select_related("agency")
    best: dict[int, ListVersion] = {}
    for version in candidates:
        held = best.get(version.agency_id)
        if held is None or version.effective_from > held.effective_from:
            best[version.agency_id] = version
    return next((best[agency_id] for agency_id in chain if agency_id in best), None)


def open_version(kind: ListKind, agency: Agency) -> ListVersion | None:
    """The draft or approved version of the list, if one is open."""
    return ListVersion.objects.filter(kind=kind, agency=agency, status__in=OPEN_STATUSES).first()


def superseded_on(version: ListVersion) -> dt.date | None:
    """The day a later published version of the same list took (or takes) effect, if any."""
    if version.status != VersionStatus.PUBLISHED:
        return None
    later = ListVersion.objects.filter(
        kind=version.kind,
        agency_id=version.agency_id,
        status=VersionStatus.PUBLISHED,
        effective_from__gt=version.effective_from,
    ).order_by("effective_from")
    following = later.first()
    return following.effective_from if following else None


def live_versions(*, on: dt.date | None = None) -> QuerySet[ListVersion]:
    """Open versions, and published versions not yet replaced on ``on`` (in force or still to come)."""
    day = on or clock.today()
    replaced = ListVersion.objects.filter(
        kind=OuterRef("kind"),
        agency=OuterRef("agency"),
        status=VersionStatus.PUBLISHED,
        effective_from__gt=OuterRef("effective_from"),
        effective_from__lte=day,
    )
    return ListVersion.objects.filter(
        Q(status__in=OPEN_STATUSES) | (Q(status=VersionStatus.PUBLISHED) & ~Exists(replaced))
    )


def _citing(model: type, articles: Q) -> Q:
    if model is Matter:
        return Q(articles__in=Article.objects.filter(articles)) | Q(
            statutory_basis__in=Article.objects.filter(articles)
        )
    return Q(articles__in=Article.objects.filter(articles))


def count_live_citations(article: Article) -> int:
    """How many live matters and list entries cite ``article`` (they become stale when it changes)."""
    versions = live_versions()
    return sum(
        model.objects.filter(_citing(model, Q(pk=article.pk)), version__in=versions).distinct().count()
        for model in CITING_MODELS
    )


def stale_matters(versions: QuerySet[ListVersion] | None = None) -> QuerySet[Matter]:
    """Live matters citing an article that was amended or repealed (now or from a future date)."""
    scope = live_versions() if versions is None else versions
    citing = _citing(Matter, Q(repealed_on__isnull=False))
    return Matter.objects.filter(citing, version__in=scope).distinct()


def stale_counts(versions: QuerySet[ListVersion]) -> dict[int, int]:
    """Version id → number of its rows (any table) citing an amended or repealed article."""
    counts: dict[int, int] = {}
    for model in CITING_MODELS:
        citing = _citing(model, Q(repealed_on__isnull=False))
        rows = model.objects.filter(citing, version__in=versions).values_list("version_id", "pk")
        for version_id, _pk in set(rows):
            counts[version_id] = counts.get(version_id, 0) + 1
    return counts


def unconfirmed_counts(versions: QuerySet[ListVersion]) -> dict[int, int]:
    """Version id → number of its rows still marked "to be confirmed"."""
    counts: dict[int, int] = {}
    for model in CITING_MODELS:
        rows = model.objects.filter(unconfirmed=True, version__in=versions).values_list(
            "version_id", flat=True
        )
        for version_id in rows:
            counts[version_id] = counts.get(version_id, 0) + 1
    return counts


def citations_out_of_force(version: ListVersion) -> list[Article]:
    """Article texts the version's rows cite that are not in force on the version's effective date."""
    model = ENTRY_MODELS[ListKind(version.kind)]
    if model not in CITING_MODELS:
        return []
    rows = model._default_manager.filter(version=version)
    ids = set(rows.values_list("articles", flat=True))
    if model is Matter:
        ids |= set(rows.values_list("statutory_basis", flat=True))
        ids |= set(rows.values_list("relief_channels__article", flat=True))
    if model is FeeStandard:
        ids |= set(rows.values_list("exemptions__articles", flat=True))
    day = version.effective_from
    outdated = Article.objects.filter(pk__in=[pk for pk in ids if pk is not None]).filter(
        Q(effective_from__gt=day) | Q(repealed_on__lte=day)
    )
    return list(outdated.select_related("law"))


# -- permission ---------------------------------------------------------------------------------------------


def readable_agency_ids(user: AnyUser) -> set[int]:
    ids: set[int] = set()
    for agency in jurisdiction.visible_agencies(user):
        ids.update(_chain_ids(agency))
    return ids


def readable_versions(user: AnyUser) -> QuerySet[ListVersion]:
    if getattr(user, "is_superuser", False) and user.is_active:
        return ListVersion.objects.all()
    return ListVersion.objects.filter(agency_id__in=sorted(readable_agency_ids(user)))


def access_agency_lists_by_id(user: AnyUser, agency_id: int) -> Agency:
    """An agency whose lists ``user`` may read (its jurisdiction and the ancestors whose lists apply)."""
    superuser = getattr(user, "is_superuser", False) and user.is_active
    if superuser or agency_id in readable_agency_ids(user):
        agency = Agency.objects.filter(pk=agency_id).first()
        if agency is not None:
            return agency
    raise NotFoundOrForbidden(_("Agency not found."))


def access_version_by_id(user: AnyUser, version_id: int) -> ListVersion:
    try:
        return readable_versions(user).select_related("agency").get(pk=version_id)
    except ListVersion.DoesNotExist:
        raise NotFoundOrForbidden(_("List not found.")) from None


def access_matter_by_id(user: AnyUser, matter_id: int) -> Matter:
    matters = Matter.objects.filter(version__in=readable_versions(user))
    try:
        return matters.select_related("version__agency", "statutory_basis__law").get(pk=matter_id)
    except Matter.DoesNotExist:
        raise NotFoundOrForbidden(_("Matter not found.")) from None


def may_edit(user: AnyUser, agency: Agency) -> bool:
    return jurisdiction.holds_role(user, Role.ADMINISTRATOR, agency)


def may_edit_library(user: AnyUser) -> bool:
    """The library is shared by the whole deployment: administrators of a province-level agency (or
    superusers) maintain it."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return administered_agencies(user).filter(parent__isnull=True).exists()


def library_rows() -> list[tuple[Law, list[Article]]]:
    """Every law with its article texts, current and past, in citation order. Two queries."""
    articles = Article.objects.select_related("law").order_by(
        "law__title", "ordinal", "paragraph", "item", "effective_from"
    )
    grouped: dict[int, list[Article]] = {}
    for article in articles:
        grouped.setdefault(article.law_id, []).append(article)
    return [(law, grouped.get(law.pk, [])) for law in Law.objects.order_by("level", "title")]


def administered_agencies(user: AnyUser) -> QuerySet[Agency]:
    """Agencies in the subtrees where ``user`` is an administrator (superusers: all). Two queries."""
    if not user.is_authenticated or not user.is_active:
        return Agency.objects.none()
    if getattr(user, "is_superuser", False):
        return Agency.objects.all()
    grants = RoleGrant.objects.filter(user_id=user.pk, role=Role.ADMINISTRATOR).select_related("agency")
    paths = [grant.agency.path for grant in grants]
    if not paths:
        return Agency.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return Agency.objects.filter(condition)


# -- reading a version --------------------------------------------------------------------------------------


def matters_by_type(
    version: ListVersion, *, only: MatterType | None = None
) -> list[tuple[str, list[Matter]]]:
    """The catalogue's matters grouped by type, in the order of ``MatterType``."""
    matters = Matter.objects.filter(version=version).prefetch_related("articles__law").order_by("code")
    if only is not None:
        matters = matters.filter(type=only)
    groups: dict[str, list[Matter]] = {}
    for matter in matters:
        groups.setdefault(matter.type, []).append(matter)
    return [(str(kind.label), groups[kind]) for kind in MatterType if kind in groups]


@dataclass(frozen=True)
class ListRow:
    """One list of one agency: the version in force today (own or inherited), a published version still to
    take effect, and the open draft or approved version."""

    agency: Agency
    kind: ListKind
    in_force: ListVersion | None
    upcoming: ListVersion | None
    open: ListVersion | None


def _latest(versions: Iterable[ListVersion]) -> ListVersion | None:
    return max(versions, key=lambda version: version.effective_from, default=None)


def _pick(versions: list[ListVersion], agency: Agency, kind: ListKind, today: dt.date) -> ListRow:
    published = [v for v in versions if v.kind == kind and v.status == VersionStatus.PUBLISHED]
    in_force = None
    for agency_id in _chain_ids(agency):
        in_force = _latest(v for v in published if v.agency_id == agency_id and v.effective_from <= today)
        if in_force is not None:
            break
    own = [v for v in versions if v.kind == kind and v.agency_id == agency.pk]
    return ListRow(
        agency=agency,
        kind=kind,
        in_force=in_force,
        upcoming=_latest(v for v in own if v.status == VersionStatus.PUBLISHED and v.effective_from > today),
        open=next((v for v in own if v.status in OPEN_STATUSES), None),
    )


def lists_of(agencies: Iterable[Agency]) -> list[ListRow]:
    """For each agency and list, what is in force, coming and open: one query whatever the number."""
    chosen = list(agencies)
    ids = {agency_id for agency in chosen for agency_id in _chain_ids(agency)}
    versions = list(ListVersion.objects.filter(agency_id__in=sorted(ids)).select_related("agency"))
    today = clock.today()
    return [_pick(versions, agency, kind, today) for agency in chosen for kind in ListKind]


# -- service windows -----------------------------------------------------------------------------------------


def windows_of(agency: Agency) -> QuerySet[ServiceWindow]:
    return ServiceWindow.objects.filter(agency=agency).order_by("matter_code", "name")


def windows_for_matter(matter: Matter) -> QuerySet[ServiceWindow]:
    """Windows taking applications for ``matter``: those naming its code, and the general windows of the
    agencies under the catalogue's agency (a provincial catalogue is applied at every city's window)."""
    return (
        ServiceWindow.objects.filter(agency__path__startswith=matter.version.agency.path)
        .filter(Q(matter_code=matter.code) | Q(matter_code=""))
        .select_related("agency")
        .order_by("agency__path", "-matter_code", "name")
    )

"""Reads for the pre-publicity pages (事前公开): enforcement bodies, the matter catalogue with service guides
and flowcharts, discretion benchmarks, the random-inspection list, fee standards, relief channels and the
window placards of the 政务大厅.

Only *published* list versions ever leave this module — never a draft nor an approved version waiting for
publication — and only as frozen public dataclasses, so no template can reach a model, a login or a private
field. Versions follow ``matters.selectors``: the list in force for an agency is its own or the nearest
ancestor's. Never writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils.safestring import SafeString, mark_safe

from sanxiang.matters import flowchart, procedures
from sanxiang.matters import selectors as matter_selectors
from sanxiang.matters.enums import ListKind, MatterType, PartyKind, ReliefKind, Tier, TimeUnit, VersionStatus
from sanxiang.matters.models import (
    Article,
    BenchmarkEntry,
    FeeExemption,
    FeeStandard,
    InspectionItem,
    ListVersion,
    Matter,
    ReliefChannel,
)
from sanxiang.matters.money import yuan
from sanxiang.organizations.enums import AgencyLevel, LegalStatus
from sanxiang.organizations.models import Agency, Certificate
from sanxiang.publicity.selectors import valid_certificates_on

# Matters a service window of the 政务大厅 takes applications for: the acts a party asks for or pays.
WINDOW_TYPES = (MatterType.LICENSE, MatterType.LEVY, MatterType.FEE)


# -- versions -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionLink:
    """A published version of a list, for the "all versions" links."""

    pk: int
    number: int
    effective_from: dt.date
    until: dt.date | None  # the day a later version took (or takes) effect
    state: str  # "in_force", "superseded" or "upcoming"


@dataclass(frozen=True)
class PublicVersion:
    """The published version shown on a page, with every published version of the same list."""

    pk: int
    kind: str
    kind_label: str
    agency: str
    number: int
    effective_from: dt.date
    until: dt.date | None
    state: str
    approving_body: str
    versions: tuple[VersionLink, ...]


def default_agency(agencies: Iterable[Agency]) -> Agency | None:
    """The agency whose lists a page shows when the visitor chose none: the first provincial agency."""
    chosen = list(agencies)
    return next((a for a in chosen if a.parent_id is None), chosen[0] if chosen else None)


def _resolve(kind: ListKind, agency: Agency, version_id: int | None, day: dt.date) -> ListVersion | None:
    """The version a page shows: the one asked for if it is a published version of this kind, otherwise
    the version in force for ``agency`` today."""
    if version_id is not None:
        published = ListVersion.objects.filter(kind=kind, status=VersionStatus.PUBLISHED, pk=version_id)
        return published.select_related("agency").first()
    return matter_selectors.version_in_force(kind, agency, on=day)


def _public(version: ListVersion, day: dt.date) -> PublicVersion:
    published = ListVersion.objects.filter(
        kind=version.kind, agency_id=version.agency_id, status=VersionStatus.PUBLISHED
    ).order_by("effective_from")
    rows = list(published.values_list("pk", "number", "effective_from"))
    links: list[VersionLink] = []
    for index, (pk, number, effective) in enumerate(rows):
        until = rows[index + 1][2] if index + 1 < len(rows) else None
        state = "upcoming" if effective > day else "superseded" if until and until <= day else "in_force"
        links.append(VersionLink(pk=pk, number=number, effective_from=effective, until=until, state=state))
    shown = next(link for link in links if link.pk == version.pk)
    return PublicVersion(
        pk=version.pk,
        kind=version.kind,
        kind_label=str(ListKind(version.kind).label),
        agency=version.agency.name,
        number=version.number,
        effective_from=version.effective_from,
        until=shown.until,
        state=shown.state,
        approving_body=version.approving_body,
        versions=tuple(reversed(links)),
    )


def shown_version(
    kind: ListKind, *, agency: Agency, version_id: int | None, day: dt.date
) -> tuple[ListVersion | None, PublicVersion | None]:
    """The version to show (model for the reads below, public view for the page). Two queries."""
    version = _resolve(kind, agency, version_id, day)
    return version, (_public(version, day) if version else None)


# -- legal bases ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    citation: str
    text: str
    repealed_on: dt.date | None


def _citations(articles: Iterable[Article]) -> tuple[Citation, ...]:
    return tuple(Citation(a.citation, a.text, a.repealed_on) for a in articles)


def _articles() -> Prefetch[str]:
    return Prefetch("articles", queryset=Article.objects.select_related("law"))


def _limit(value: int | None, unit: str) -> str:
    return f"{value} {TimeUnit(unit).label}" if value and unit else ""


# -- enforcement bodies ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicBody:
    """执法主体: what 事前公开 publishes about an enforcement body."""

    pk: int
    name: str
    level: str
    parent: str
    legal_status: str
    legal_basis: str
    duties: str
    region: str
    address: str
    phone: str
    supervision_phone: str


def public_bodies() -> list[PublicBody]:
    agencies = Agency.objects.filter(is_active=True).select_related("parent").order_by("path")
    return [
        PublicBody(
            pk=agency.pk,
            name=agency.name,
            level=str(AgencyLevel(agency.level).label),
            parent=agency.parent.name if agency.parent else "",
            legal_status=str(LegalStatus(agency.legal_status).label),
            legal_basis=agency.legal_basis,
            duties=agency.duties,
            region=agency.region,
            address=agency.address,
            phone=agency.phone,
            supervision_phone=agency.supervision_phone,
        )
        for agency in agencies
    ]


# -- matters and service guides -------------------------------------------------------------------------


@dataclass(frozen=True)
class MatterRow:
    pk: int
    code: str
    name: str
    type_label: str
    statutory_limit: str
    unconfirmed: bool


@dataclass(frozen=True)
class MatterGroup:
    type: str
    label: str
    rows: tuple[MatterRow, ...]


def matter_groups(version: ListVersion, *, query: str = "", only: str | None = None) -> list[MatterGroup]:
    """The catalogue's matters by type, searched by name or code. One query."""
    matters = Matter.objects.filter(version=version).order_by("code")
    if query:
        matters = matters.filter(Q(name__icontains=query) | Q(code__icontains=query))
    if only:
        matters = matters.filter(type=only)
    groups: dict[str, list[MatterRow]] = {}
    for matter in matters:
        label = str(MatterType(matter.type).label)
        row = MatterRow(
            matter.pk,
            matter.code,
            matter.name,
            label,
            _limit(matter.statutory_limit, matter.statutory_unit),
            matter.unconfirmed,
        )
        groups.setdefault(matter.type, []).append(row)
    return [
        MatterGroup(str(kind), str(kind.label), tuple(groups[kind])) for kind in MatterType if kind in groups
    ]


@dataclass(frozen=True)
class Relief:
    """A relief channel as data: where, within how long, on which article."""

    kind: str
    kind_label: str
    body: str
    time_limit: int
    unit: str
    unit_label: str
    citation: str


RELIEF_ORDER = {str(kind): index for index, kind in enumerate(ReliefKind)}


def _relief(channels: Iterable[ReliefChannel]) -> tuple[Relief, ...]:
    """复议 before 诉讼, as the law presents them."""
    ordered = sorted(channels, key=lambda channel: RELIEF_ORDER.get(channel.kind, len(RELIEF_ORDER)))
    return tuple(
        Relief(
            kind=channel.kind,
            kind_label=str(ReliefKind(channel.kind).label),
            body=channel.body,
            time_limit=channel.time_limit,
            unit=channel.unit,
            unit_label=str(TimeUnit(channel.unit).label),
            citation=channel.article.citation,
        )
        for channel in ordered
    )


@dataclass(frozen=True)
class PublicWindow:
    """A service window (办事窗口) where the matter is applied for."""

    agency: str
    name: str
    accepting_body: str
    address: str
    hours: str
    phone: str
    unconfirmed_note: str


def _windows(matter: Matter) -> tuple[PublicWindow, ...]:
    """Windows naming the matter; for matters a party applies for or pays, also the agencies' general ones."""
    windows = matter_selectors.windows_for_matter(matter)
    if matter.type not in WINDOW_TYPES:
        windows = windows.filter(matter_code=matter.code)
    return tuple(
        PublicWindow(
            w.agency.name,
            w.name,
            w.accepting_body,
            w.address,
            w.hours,
            w.phone,
            w.unconfirmed_note if w.unconfirmed else "",
        )
        for w in windows
    )


@dataclass(frozen=True)
class ServiceGuide:
    """服务指南 of one matter (seed 二(一)3(3)) with its flowchart (None while its procedure is not
    defined)."""

    pk: int
    code: str
    name: str
    type_label: str
    version: PublicVersion
    department: str
    articles: tuple[Citation, ...]
    accepting_body: str
    deciding_body: str
    conditions: str
    materials: tuple[str, ...]
    procedure: str
    statutory_limit: str
    statutory_basis: str
    promised_limit: str
    time_limit_note: str
    fee_standard: str
    supervision: str
    accountability: str
    relief: tuple[Relief, ...]
    office_hours: str
    office_address: str
    office_phone: str
    consultation_phone: str
    complaint_phone: str
    unconfirmed_note: str
    flowchart: SafeString | None
    windows: tuple[PublicWindow, ...] = ()


def _flowchart(workflow_key: str) -> SafeString | None:
    try:
        procedure = procedures.get(workflow_key)
    except (KeyError, ImportError):
        # Not registered yet (or its definition module is still being written): the page says so.
        return None
    # render_svg escapes every piece of text it writes, so its output is safe to inline.
    return mark_safe(flowchart.render_svg(procedure))  # noqa: S308


def service_guide(matter_id: int, *, day: dt.date) -> ServiceGuide | None:
    """The guide of a matter of a published catalogue version; None for a matter of a draft or unpublished
    version, or no matter at all."""
    matter = (
        Matter.objects.filter(pk=matter_id, version__status=VersionStatus.PUBLISHED)
        .select_related("version__agency", "statutory_basis__law")
        .prefetch_related(_articles(), Prefetch("relief_channels", queryset=_relief_queryset()))
        .first()
    )
    if matter is None:
        return None
    return ServiceGuide(
        pk=matter.pk,
        code=matter.code,
        name=matter.name,
        type_label=str(MatterType(matter.type).label),
        version=_public(matter.version, day),
        department=matter.get_department_kind_display(),
        articles=_citations(matter.articles.all()),
        accepting_body=matter.accepting_body,
        deciding_body=matter.deciding_body,
        conditions=matter.conditions,
        materials=tuple(str(material) for material in matter.materials),
        procedure=matter.procedure,
        statutory_limit=_limit(matter.statutory_limit, matter.statutory_unit),
        statutory_basis=matter.statutory_basis.citation if matter.statutory_basis else "",
        promised_limit=_limit(matter.promised_limit, matter.promised_unit),
        time_limit_note=matter.time_limit_note,
        fee_standard=matter.fee_standard,
        supervision=matter.supervision,
        accountability=matter.accountability,
        relief=_relief(matter.relief_channels.all()),
        office_hours=matter.office_hours,
        office_address=matter.office_address,
        office_phone=matter.office_phone,
        consultation_phone=matter.consultation_phone,
        complaint_phone=matter.complaint_phone,
        unconfirmed_note=matter.unconfirmed_note if matter.unconfirmed else "",
        flowchart=_flowchart(matter.workflow_key),
        windows=_windows(matter),
    )


def _relief_queryset() -> QuerySet[ReliefChannel]:
    return ReliefChannel.objects.select_related("article__law").order_by("kind")


@dataclass(frozen=True)
class MatterRelief:
    pk: int
    code: str
    name: str
    relief: tuple[Relief, ...]


def relief_rows(version: ListVersion) -> list[MatterRelief]:
    """Every matter of the catalogue version with its relief channels. Two queries."""
    matters = (
        Matter.objects.filter(version=version)
        .order_by("code")
        .prefetch_related(Prefetch("relief_channels", queryset=_relief_queryset()))
    )
    return [MatterRelief(m.pk, m.code, m.name, _relief(m.relief_channels.all())) for m in matters]


# -- attached lists -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchmarkTier:
    party: str
    tier: str
    condition: str
    measures: str
    amount: str


@dataclass(frozen=True)
class Benchmark:
    """One violation of the 裁量基准 with its tiers (conditions and ranges) and the articles it applies."""

    code: str
    violation: str
    matter_code: str
    articles: tuple[Citation, ...]
    tiers: tuple[BenchmarkTier, ...]
    unconfirmed: bool


def _amount(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    return f"{yuan(low or 0)}–{yuan(high or 0)}"


TIER_ORDER = {str(tier): index for index, tier in enumerate(Tier)}


def benchmarks(version: ListVersion) -> list[Benchmark]:
    """The benchmark version's violations in code order, tiers from lenient to severe. Two queries."""
    entries = BenchmarkEntry.objects.filter(version=version).prefetch_related(_articles())
    grouped: dict[str, list[BenchmarkEntry]] = {}
    for entry in sorted(entries, key=lambda e: (e.code, e.party_kind, TIER_ORDER[e.tier], e.min_fen or 0)):
        grouped.setdefault(entry.code, []).append(entry)
    result = []
    for code, rows in grouped.items():
        articles = {a.pk: a for row in rows for a in row.articles.all()}
        tiers = tuple(
            BenchmarkTier(
                party=str(PartyKind(row.party_kind).label),
                tier=str(Tier(row.tier).label),
                condition=row.condition,
                measures=row.measures,
                amount=_amount(row.min_fen, row.max_fen),
            )
            for row in rows
        )
        first = rows[0]
        unconfirmed = any(row.unconfirmed for row in rows)
        result.append(
            Benchmark(
                code, first.violation, first.matter_code, _citations(articles.values()), tiers, unconfirmed
            )
        )
    return result


@dataclass(frozen=True)
class PublicInspectionItem:
    code: str
    name: str
    matter_code: str
    articles: tuple[Citation, ...]
    inspecting_body: str
    object_type: str
    content: str
    ratio_percent: int | None
    method: str
    frequency: str
    unconfirmed: bool


def inspection_items(version: ListVersion) -> list[PublicInspectionItem]:
    """随机抽查事项清单. Two queries."""
    items = InspectionItem.objects.filter(version=version).order_by("code").prefetch_related(_articles())
    return [
        PublicInspectionItem(
            code=item.code,
            name=item.name,
            matter_code=item.matter_code,
            articles=_citations(item.articles.all()),
            inspecting_body=item.inspecting_body,
            object_type=item.object_type,
            content=item.content,
            ratio_percent=item.ratio_percent,
            method=item.method,
            frequency=item.frequency,
            unconfirmed=item.unconfirmed,
        )
        for item in items
    ]


@dataclass(frozen=True)
class Exemption:
    code: str
    name: str
    articles: tuple[Citation, ...]


@dataclass(frozen=True)
class PublicFee:
    code: str
    name: str
    matter_code: str
    rate: str
    per_unit: str
    articles: tuple[Citation, ...]
    note: str
    exemptions: tuple[Exemption, ...]
    unconfirmed: bool


def fee_standards(version: ListVersion) -> list[PublicFee]:
    """Fee and levy standards with their coded exemptions. Four queries."""
    exemptions = FeeExemption.objects.order_by("code").prefetch_related(_articles())
    standards = (
        FeeStandard.objects.filter(version=version)
        .order_by("code")
        .prefetch_related(_articles(), Prefetch("exemptions", queryset=exemptions))
    )
    return [
        PublicFee(
            code=fee.code,
            name=fee.name,
            matter_code=fee.matter_code,
            rate=yuan(fee.rate_fen),
            per_unit=fee.per_unit,
            articles=_citations(fee.articles.all()),
            note=fee.note,
            exemptions=tuple(
                Exemption(e.code, e.name, _citations(e.articles.all())) for e in fee.exemptions.all()
            ),
            unconfirmed=fee.unconfirmed,
        )
        for fee in standards
    ]


# -- window placards (政务大厅) -------------------------------------------------------------------------


@dataclass(frozen=True)
class WindowStaff:
    """A person on a window placard. The placard names the post too (seed 二(一)4(3)), unlike the
    officer list."""

    name: str
    agency: str
    post: str
    category: str
    certificate_number: str


@dataclass(frozen=True)
class Placard:
    agency: str
    address: str
    phone: str
    supervision_phone: str
    day: dt.date
    staff: tuple[WindowStaff, ...]
    services: tuple[MatterRow, ...]
    version: PublicVersion | None


def _window_staff(agency: Agency, day: dt.date) -> tuple[WindowStaff, ...]:
    certificates: Iterable[Certificate] = (
        valid_certificates_on(day)
        .filter(officer__agency=agency)
        .select_related("officer__agency")
        .order_by("officer__name", "number")
    )
    seen: set[int] = set()
    staff = []
    for certificate in certificates:
        if certificate.officer_id in seen:  # an officer with two valid certificates appears once
            continue
        seen.add(certificate.officer_id)
        officer = certificate.officer
        staff.append(
            WindowStaff(
                officer.name, officer.agency.name, officer.post, certificate.category, certificate.number
            )
        )
    return tuple(staff)


def placard(agency_id: int, *, day: dt.date) -> Placard | None:
    """The placard of ``agency``'s service window: staff with a certificate valid on ``day`` and the matters
    the window takes (licences, levies and fees of the catalogue in force exercised at the agency's level)."""
    agency = Agency.objects.filter(pk=agency_id, is_active=True).first()
    if agency is None:
        return None
    version, public = shown_version(ListKind.CATALOGUE, agency=agency, version_id=None, day=day)
    services: list[MatterRow] = []
    if version is not None:
        matters = Matter.objects.filter(version=version, type__in=[str(t) for t in WINDOW_TYPES]).order_by(
            "code"
        )
        services = [
            MatterRow(
                m.pk,
                m.code,
                m.name,
                str(MatterType(m.type).label),
                _limit(m.statutory_limit, m.statutory_unit),
                m.unconfirmed,
            )
            for m in matters
            if not m.agency_levels or agency.level in m.agency_levels
        ]
    return Placard(
        agency=agency.name,
        address=agency.address,
        phone=agency.phone,
        supervision_phone=agency.supervision_phone,
        day=day,
        staff=_window_staff(agency, day),
        services=tuple(services),
        version=public,
    )

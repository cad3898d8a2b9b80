"""Load the Shanxi demo: agencies, departments, ~60 officers with certificates in every state, reviewers with
legal qualifications, and one login per role. Idempotent: what exists is left alone, what is missing is added.
Everything goes through the actions, so the demo's record log is the real thing."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from sanxiang.accounts import actions as account_actions
from sanxiang.accounts.models import User
from sanxiang.core import clock
from sanxiang.demo import cases as demo_cases
from sanxiang.demo import documents as demo_documents
from sanxiang.demo import publications as demo_publications
from sanxiang.demo import shanxi
from sanxiang.matters.shanxi import load_shanxi_catalogue
from sanxiang.matters.shanxi.windows import load_service_windows
from sanxiang.organizations import actions
from sanxiang.organizations.enums import AgencyLevel, CertificateStatus, DepartmentKind, LegalStatus, Role
from sanxiang.organizations.models import Agency, Certificate, Department, Officer
from sanxiang.organizations.selectors import actor_of
from sanxiang.records import checkpoints, verification, writer
from sanxiang.records.models import Entry

SYSTEM = writer.SYSTEM
# How far back the demo's history starts: before the oldest demo case (a levy opened 300 days ago, enforced
# through the court after the six months of 行政诉讼法 第46条).
HISTORY_DAYS = 330
Say = Callable[[str], None]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    display_name: str
    role: Role
    division: str
    department: str | None = "工程建设管理科"


LOGINS = [
    DemoLogin("officer", "韩志刚", Role.OFFICER, "140100"),
    DemoLogin("department_head", "郭文斌", Role.DEPARTMENT_HEAD, "140100"),
    DemoLogin("reviewer", "苏婉清", Role.LEGAL_REVIEWER, "140100", "政策法规科"),
    DemoLogin("agency_head", "常建军", Role.AGENCY_HEAD, "140100", "办公室"),
    DemoLogin("publicity", "段雨欣", Role.PUBLICITY_EDITOR, "140100", "办公室"),
    DemoLogin("archivist", "任秀兰", Role.ARCHIVIST, "140100", "办公室"),
    DemoLogin("supervisor", "乔立平", Role.SUPERVISOR, "140000", "政策法规科"),
    DemoLogin("admin", "系统管理员", Role.ADMINISTRATOR, "140000", None),
    DemoLogin("datong_officer", "武海峰", Role.OFFICER, "140200"),
]


_POSTS = {
    Role.DEPARTMENT_HEAD: "科长",
    Role.AGENCY_HEAD: "主任",
    Role.LEGAL_REVIEWER: "法制审核员",
    Role.SUPERVISOR: "执法监督科科长",
}


def _agency(seed: shanxi.AgencySeed, parent: Agency | None) -> Agency:
    existing = Agency.objects.filter(code=seed.division).first()
    if existing:
        return existing
    level = (
        AgencyLevel.PROVINCE
        if parent is None
        else (AgencyLevel.CITY if parent.level == AgencyLevel.PROVINCE else AgencyLevel.COUNTY)
    )
    return actions.check_create_agency(
        actor=SYSTEM,
        code=seed.division,
        name=seed.name,
        short_name=seed.short_name,
        level=level,
        parent=parent,
        document_prefix=seed.document_prefix,
        region=seed.region,
        legal_status=LegalStatus.ADMINISTRATIVE_ORGAN,
        legal_basis=shanxi.LEGAL_BASIS,
        duties=shanxi.DUTIES,
        address=f"{seed.region}人民防空办公室",
        phone="0351-0000000" if seed.division == "140000" else "",
        supervision_phone="12345",
    )


def _departments(agency: Agency) -> dict[str, Department]:
    found = {department.name: department for department in agency.departments.all()}
    for name, kind in shanxi.DEPARTMENTS:
        if name not in found:
            found[name] = actions.check_create_department(
                actor=SYSTEM, agency=agency, name=name, kind=DepartmentKind(kind)
            )
    return found


def load_agencies() -> list[Agency]:
    province = _agency(shanxi.PROVINCE, None)
    agencies = {province.code: province}
    for seed in [*shanxi.CITIES, *shanxi.COUNTIES]:
        assert seed.parent is not None
        agencies[seed.division] = _agency(seed, agencies[seed.parent])
    for agency in agencies.values():
        _departments(agency)
    return list(agencies.values())


def _certificate_plan(rng: random.Random, position: int) -> tuple[dt.date, dt.date, CertificateStatus | None]:
    """Most certificates are valid; every 9th expired, every 13th suspended, every 29th revoked."""
    valid_from = dt.date(2023 + position % 3, 1 + position % 12, 1)
    valid_to = dt.date(valid_from.year + 5, valid_from.month, 1) - dt.timedelta(days=1)
    if position % 9 == 4:
        valid_from, valid_to = dt.date(2020, 7, 1), dt.date(2025, 6, 30)
    status = None
    if position % 13 == 6:
        status = CertificateStatus.SUSPENDED
    elif position % 29 == 11:
        status = CertificateStatus.REVOKED
    rng.random()
    return valid_from, valid_to, status


def _officer(
    agency: Agency,
    department: Department | None,
    *,
    name: str,
    post: str,
    number: str,
    position: int,
    rng: random.Random,
    qualification: str = "",
) -> Officer:
    certificate = Certificate.objects.filter(number=number).select_related("officer").first()
    if certificate is not None:
        return certificate.officer
    officer = actions.check_create_officer(
        actor=SYSTEM,
        agency=agency,
        name=name,
        post=post,
        department=department,
        legal_qualification_number=qualification,
    )
    valid_from, valid_to, status = _certificate_plan(rng, position)
    certificate = actions.check_issue_certificate(
        actor=SYSTEM,
        officer=officer,
        number=number,
        category="人民防空",
        region=agency.region,
        issued_by="山西省人民政府",
        valid_from=valid_from,
        valid_to=valid_to,
    )
    if status is not None:
        actions.check_change_certificate_status(
            actor=SYSTEM,
            certificate=certificate,
            status=status,
            effective=dt.date(2026, 9, 1),
            reason="年度考核不合格，暂扣执法证" if status == CertificateStatus.SUSPENDED else "调离执法岗位",
        )
    actions.check_record_training(
        actor=SYSTEM,
        officer=officer,
        completed_on=dt.date(2026, 6, 15),
        topic="行政执法三项制度专题培训",
        hours=24 + position % 3 * 8,
    )
    return officer


def load_officers(agencies: list[Agency]) -> int:
    rng = random.Random(2026)  # noqa: S311 - deterministic demo names, not security
    position = 0
    for agency in agencies:
        departments = {department.name: department for department in agency.departments.all()}
        count = 6 if agency.level == AgencyLevel.PROVINCE else 4 if agency.level == AgencyLevel.CITY else 3
        for slot in range(count):
            position += 1
            legal = slot == 1
            department = departments["政策法规科" if legal else "工程建设管理科"]
            name = (
                shanxi.SURNAMES[position % len(shanxi.SURNAMES)]
                + shanxi.GIVEN[(position * 7) % len(shanxi.GIVEN)]
            )
            _officer(
                agency,
                department,
                name=name,
                post=shanxi.POSTS[slot % len(shanxi.POSTS)],
                number=f"{agency.code}{slot + 1:04d}",
                position=position,
                rng=rng,
                qualification=f"A2018{agency.code}{slot:03d}" if legal else "",
            )
    return Officer.objects.count()


def _password_file() -> Path:
    return Path(settings.VAR_DIR) / "demo-logins.txt"


def _known_passwords() -> dict[str, str]:
    path = _password_file()
    if not path.exists():
        return {}
    pairs = (line.split("\t", 1) for line in path.read_text().splitlines() if "\t" in line)
    return dict(pairs)


def load_logins() -> dict[str, str]:
    """One login per role. Passwords are generated once, kept in VAR_DIR/demo-logins.txt (mode 600)."""
    passwords = _known_passwords()
    for seat_number, login in enumerate(LOGINS):
        password = passwords.get(login.username) or f"Demo-{secrets.token_urlsafe(9)}"
        passwords[login.username] = password
        user = User.objects.filter(username=login.username).first()
        if user is None:
            user = account_actions.check_create_user(
                actor=SYSTEM, username=login.username, password=password, display_name=login.display_name
            )
        elif not user.check_password(password):
            account_actions.check_set_password(actor=SYSTEM, user=user, password=password)
        agency = Agency.objects.get(code=login.division)
        actions.do_grant_role(actor=SYSTEM, user_id=user.pk, agency=agency, role=login.role)
        if login.department and not Officer.objects.filter(user=user).exists():
            department = agency.departments.get(name=login.department)
            officer = _officer(
                agency,
                department,
                name=login.display_name,
                post=_POSTS.get(login.role, "科员"),
                number=f"{agency.code}9{seat_number:03d}",
                position=0,
                rng=random.Random(seat_number),  # noqa: S311
                qualification=f"A2019{agency.code}{seat_number:03d}"
                if login.role == Role.LEGAL_REVIEWER
                else "",
            )
            actions.do_link_officer(actor=SYSTEM, officer=officer, user_id=user.pk)
    path = _password_file()
    path.write_text("".join(f"{username}\t{password}\n" for username, password in passwords.items()))
    path.chmod(0o600)
    return passwords


def load(say: Say) -> dict[str, str]:
    """Registries and catalogue are loaded as of HISTORY_DAYS ago (so that the demo cases, which run day by
    day up to today, find the catalogue in force on their dates); then the cases."""
    today = clock.today()
    with transaction.atomic():
        with demo_cases.at(today - dt.timedelta(days=HISTORY_DAYS)):
            agencies = load_agencies()
            say(f"agencies: {len(agencies)}")
            say(f"officers: {load_officers(agencies)}")
            catalogue = load_shanxi_catalogue(actor=SYSTEM)
            published = len(catalogue.lists_published)
            say(f"legal-basis articles: {catalogue.articles}; lists published: {published}")
            say(f"service windows: {load_service_windows(actor=SYSTEM, agencies=agencies)}")
            passwords = load_logins()
        taiyuan = Agency.objects.get(code="140100")
        opened = demo_cases.load_cases(
            taiyuan, officer_username="officer", second_username="department_head", today=today
        )
        say(f"cases opened: {opened}")
        say(f"cases with documents: {demo_documents.cases_with_documents(taiyuan)}")
        shown = demo_publications.load_publications(
            taiyuan, editor_username="publicity", admin_username="admin", today=today
        )
        say(f"publications: {shown}")
    say(f"record log: {verify_log(today)}")
    return passwords


def verify_log(today: dt.date) -> str:
    """Sign a checkpoint of what the demo wrote and verify the whole log once as the provincial supervisor, so
    the integrity page shows a recorded run (once: a second load adds none)."""
    checkpoint = checkpoints.publish()
    if not Entry.objects.filter(event_type="records.verified").exists():
        actor = actor_of(User.objects.get(username="supervisor"), on=today)
        verification.check_start(actor=actor)
        report = verification.do_run(actor=actor, agency_id=Agency.objects.get(code="140000").pk)
        if not report.ok:
            raise RuntimeError(f"the demo's record log does not verify: {report.problems}")
        checkpoint = checkpoints.publish()  # the run's own entry, under a checkpoint too
    return f"{checkpoint.size} entries, checkpoint signed and verified"

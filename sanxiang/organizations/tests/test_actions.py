"""Organisation actions: each write records its event; bad input raises a clear error and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import World
from sanxiang.core.errors import InvalidInput, RuleViolation
from sanxiang.organizations import actions
from sanxiang.organizations.enums import AgencyLevel, CertificateState, CertificateStatus, Role
from sanxiang.organizations.models import Agency, Certificate, Officer
from sanxiang.organizations.tests import factories
from sanxiang.records.models import PendingEntry
from sanxiang.records.writer import SYSTEM, Actor


def counts() -> tuple[int, int, int, int]:
    return (
        Agency.objects.count(),
        Officer.objects.count(),
        Certificate.objects.count(),
        PendingEntry.objects.count(),
    )


def test_creating_an_agency_records_it(world: World) -> None:
    before = PendingEntry.objects.filter(event_type="agency.created").count()
    factories.make_agency("阳曲县人民防空办公室", level=AgencyLevel.COUNTY, parent=world.taiyuan)
    assert PendingEntry.objects.filter(event_type="agency.created").count() == before + 1


@pytest.mark.parametrize(
    ("level", "parent_name"),
    [(AgencyLevel.CITY, None), (AgencyLevel.COUNTY, "province"), (AgencyLevel.PROVINCE, "taiyuan")],
)
def test_agency_must_sit_at_its_level_in_the_tree(
    world: World, level: AgencyLevel, parent_name: str | None
) -> None:
    parent = getattr(world, parent_name) if parent_name else None
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_create_agency(
            actor=SYSTEM,
            code="X1",
            name="测试机关",
            short_name="测试",
            level=level,
            parent=parent,
            document_prefix="测",
            region="测试",
        )
    assert counts() == before


def test_agency_with_a_bad_uscc_is_refused_and_nothing_written(world: World) -> None:
    before = counts()
    with pytest.raises(InvalidInput) as error:
        actions.check_create_agency(
            actor=SYSTEM,
            code="X2",
            name="测试机关",
            short_name="测试",
            level=AgencyLevel.COUNTY,
            parent=world.taiyuan,
            document_prefix="测",
            region="测试",
            uscc="11140000MB1234567X",
        )
    assert "uscc" in error.value.errors
    assert counts() == before


def test_certificate_that_ends_before_it_starts_is_refused(world: World) -> None:
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_issue_certificate(
            actor=SYSTEM,
            officer=world.officer,
            number="14999",
            category="人民防空",
            region="太原市",
            issued_by="山西省人民政府",
            valid_from=dt.date(2026, 1, 1),
            valid_to=dt.date(2025, 1, 1),
        )
    assert counts() == before


def test_duplicate_certificate_number_is_refused(world: World) -> None:
    existing = world.officer.certificates.get()
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_issue_certificate(
            actor=SYSTEM,
            officer=world.colleague,
            number=existing.number,
            category="人民防空",
            region="太原市",
            issued_by="山西省人民政府",
            valid_from=dt.date(2026, 1, 1),
            valid_to=dt.date(2027, 1, 1),
        )
    assert counts() == before


def test_suspension_counts_from_its_effective_day(world: World) -> None:
    """Acts before the suspension were made with a valid certificate (行政处罚法 第42条)."""
    certificate = world.officer.certificates.get()
    actions.check_change_certificate_status(
        actor=SYSTEM,
        certificate=certificate,
        status=CertificateStatus.SUSPENDED,
        effective=dt.date(2026, 9, 1),
        reason="年度考核不合格",
    )
    certificate.refresh_from_db()
    assert certificate.state_on(dt.date(2026, 8, 31)) == CertificateState.VALID
    assert certificate.state_on(dt.date(2026, 9, 1)) == CertificateState.SUSPENDED
    assert world.officer.certified_on(dt.date(2026, 8, 31))
    assert not world.officer.certified_on(dt.date(2026, 9, 1))
    assert PendingEntry.objects.filter(event_type="certificate.status_changed").count() == 1


def test_a_revoked_certificate_is_final(world: World) -> None:
    certificate = world.officer.certificates.get()
    actions.check_change_certificate_status(
        actor=SYSTEM,
        certificate=certificate,
        status=CertificateStatus.REVOKED,
        effective=dt.date(2026, 9, 1),
        reason="调离执法岗位",
    )
    before = counts()
    with pytest.raises(RuleViolation):
        actions.check_change_certificate_status(
            actor=SYSTEM,
            certificate=certificate,
            status=CertificateStatus.VALID,
            effective=dt.date(2026, 10, 1),
            reason="恢复",
        )
    assert counts() == before


def test_status_change_needs_a_reason(world: World) -> None:
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_change_certificate_status(
            actor=SYSTEM,
            certificate=world.officer.certificates.get(),
            status=CertificateStatus.SUSPENDED,
            effective=dt.date(2026, 9, 1),
            reason="  ",
        )
    assert counts() == before


def test_certificate_validity_window(world: World) -> None:
    officer = factories.make_officer(
        world.taiyuan, "周八", valid_from=dt.date(2025, 1, 1), valid_to=dt.date(2025, 12, 31)
    )
    assert not officer.certified_on(dt.date(2024, 12, 31))
    assert officer.certified_on(dt.date(2025, 1, 1))
    assert officer.certified_on(dt.date(2025, 12, 31))
    assert not officer.certified_on(dt.date(2026, 1, 1))


def test_an_officer_out_of_post_is_not_certified(world: World) -> None:
    actions.check_update_officer(actor=SYSTEM, officer=world.officer, changes={"is_active": False})
    world.officer.refresh_from_db()
    assert not world.officer.certified_on(dt.date(2026, 6, 1))
    assert PendingEntry.objects.filter(event_type="officer.updated").count() == 1


def test_officer_department_must_belong_to_the_officer_agency(world: World) -> None:
    other = factories.make_department(world.datong)
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_update_officer(actor=SYSTEM, officer=world.officer, changes={"department": other})
    assert counts() == before


def test_training_hours_must_be_positive(world: World) -> None:
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_record_training(
            actor=SYSTEM, officer=world.officer, completed_on=dt.date(2026, 5, 1), topic="培训", hours=0
        )
    assert counts() == before


def test_a_login_links_to_one_officer_only(world: World) -> None:
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_link_officer(actor=SYSTEM, officer=world.colleague, user_id=world.officer_user.pk)
    assert counts() == before


def test_granting_a_role_already_held_is_refused(world: World) -> None:
    before = counts()
    with pytest.raises(InvalidInput):
        actions.check_grant_role(
            actor=SYSTEM, user_id=world.officer_user.pk, agency=world.taiyuan, role=Role.OFFICER
        )
    assert counts() == before


def test_an_administrator_cannot_withdraw_their_own_administrator_role(world: World) -> None:
    actor = Actor(user_id=world.admin_user.pk)
    before = counts()
    with pytest.raises(RuleViolation):
        actions.check_revoke_role(
            actor=actor, user_id=world.admin_user.pk, agency=world.taiyuan, role=Role.ADMINISTRATOR
        )
    assert counts() == before

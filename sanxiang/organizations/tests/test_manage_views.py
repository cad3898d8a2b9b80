"""Management pages over HTTP with the personas. Only an administrator of the target agency (granted there or
on an ancestor) may manage it: the 太原 administrator manages 太原 and 小店区; the officer, the colleague, the
大同 outsider and the provincial supervisor get the 404 of a missing id; the public is sent to sign in.
Every accepted write adds exactly one record-log event; every refused one adds nothing and says why."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from conftest import World
from sanxiang.core import clock
from sanxiang.organizations import actions
from sanxiang.organizations.enums import CertificateStatus, Role
from sanxiang.organizations.models import Certificate, Officer, RoleGrant, TrainingRecord
from sanxiang.organizations.tests import factories
from sanxiang.records.models import Entry, PendingEntry

if TYPE_CHECKING:  # the user model is named through Django: accounts sits a layer above organizations
    from django.contrib.auth.models import _User as User

MISSING = 999_999
UrlFor = Callable[[World, str], str]


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[None]:
    with clock.frozen_now(dt.datetime(2026, 6, 1, 10, 0, tzinfo=clock.SHANGHAI)):
        yield


def events() -> int:
    """Record-log events, pending or integrated (tests do not commit, so most stay pending)."""
    return PendingEntry.objects.count() + Entry.objects.count()


def officer_in(world: World, target: str) -> Officer:
    """The 太原 officer, or an officer made on demand in 小店区 or 大同."""
    if target == "taiyuan":
        return world.officer
    if target == "datong":
        return world.outsider
    return Officer.objects.filter(agency=world.xiaodian).first() or factories.make_officer(
        world.xiaodian, "县官"
    )


def persona(world: World, name: str) -> User:
    user: User = getattr(world, f"{name}_user")
    return user


def as_user(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def html_of(response: object) -> str:
    content: bytes = getattr(response, "content", b"")
    return content.decode()


def shown(message: str) -> str:
    """A translated message as the page shows it (escaped), in the language the tests run in."""
    return escape(gettext(message))


PAGES: dict[str, UrlFor] = {
    "officer_add": lambda w, t: reverse("organizations:officer_add", args=[getattr(w, t).pk]),
    "agency_roles": lambda w, t: reverse("organizations:agency_roles", args=[getattr(w, t).pk]),
    "officer_edit": lambda w, t: reverse("organizations:officer_edit", args=[officer_in(w, t).pk]),
    "officer_link_login": lambda w, t: reverse(
        "organizations:officer_link_login", args=[officer_in(w, t).pk]
    ),
    "certificate_issue": lambda w, t: reverse("organizations:certificate_issue", args=[officer_in(w, t).pk]),
    "training_record": lambda w, t: reverse("organizations:training_record", args=[officer_in(w, t).pk]),
    "certificate_status": lambda w, t: reverse(
        "organizations:certificate_status",
        args=[officer_in(w, t).pk, officer_in(w, t).certificates.get().pk],
    ),
}


# -- who may open the pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize(
    ("who", "target", "expected"),
    [
        ("admin", "taiyuan", 200),
        ("admin", "xiaodian", 200),  # the city's administrator manages its counties
        ("admin", "datong", 404),
        ("officer", "taiyuan", 404),
        ("colleague", "taiyuan", 404),
        ("outsider", "taiyuan", 404),
        ("supervisor", "taiyuan", 404),  # supervisors read, they do not manage
        ("supervisor", "xiaodian", 404),
    ],
)
def test_only_administrators_of_the_agency_open_management_pages(
    client: Client, world: World, *, page: str, who: str, target: str, expected: int
) -> None:
    url = PAGES[page](world, target)
    assert as_user(client, persona(world, who)).get(url).status_code == expected


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_is_sent_to_sign_in(client: Client, world: World, page: str, method: str) -> None:
    before = events()
    response = getattr(client, method)(PAGES[page](world, "taiyuan"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert events() == before


def test_anonymous_withdraw_is_sent_to_sign_in(client: Client, world: World) -> None:
    url = reverse("organizations:agency_role_withdraw", args=[world.taiyuan.pk])
    response = client.post(url, {"user": world.officer_user.pk, "role": Role.OFFICER})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert RoleGrant.objects.filter(user=world.officer_user, role=Role.OFFICER).exists()


def test_a_supervisor_who_also_administers_may_manage(client: Client, world: World) -> None:
    factories.grant(world.supervisor_user, world.datong, Role.ADMINISTRATOR)
    as_user(client, world.supervisor_user)
    assert client.get(PAGES["certificate_issue"](world, "datong")).status_code == 200
    assert client.get(PAGES["certificate_issue"](world, "taiyuan")).status_code == 404


def normalised(content: bytes, path: str) -> bytes:
    content = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", content)
    return content.replace(path.encode(), b"<path>")


@pytest.mark.parametrize("who", ["outsider", "colleague", "supervisor"])
def test_refusal_looks_exactly_like_a_missing_officer(client: Client, world: World, who: str) -> None:
    as_user(client, persona(world, who))
    forbidden_path = reverse("organizations:officer_edit", args=[world.officer.pk])
    missing_path = reverse("organizations:officer_edit", args=[MISSING])
    forbidden, missing = client.get(forbidden_path), client.get(missing_path)
    assert forbidden.status_code == missing.status_code == 404
    assert normalised(forbidden.content, forbidden_path) == normalised(missing.content, missing_path)


def test_refusal_looks_exactly_like_a_missing_agency(client: Client, world: World) -> None:
    as_user(client, world.outsider_user)
    forbidden_path = reverse("organizations:agency_roles", args=[world.taiyuan.pk])
    missing_path = reverse("organizations:agency_roles", args=[MISSING])
    forbidden, missing = client.get(forbidden_path), client.get(missing_path)
    assert forbidden.status_code == missing.status_code == 404
    assert normalised(forbidden.content, forbidden_path) == normalised(missing.content, missing_path)


def test_a_certificate_of_another_officer_is_not_found(client: Client, world: World) -> None:
    url = reverse(
        "organizations:certificate_status",
        args=[world.officer.pk, world.colleague.certificates.get().pk],
    )
    assert as_user(client, world.admin_user).get(url).status_code == 404


CERTIFICATE = {
    "number": "1499990001",
    "category": "人民防空",
    "region": "太原市",
    "issued_by": "山西省人民政府",
    "valid_from": "2026-01-01",
    "valid_to": "2030-12-31",
}


@pytest.mark.parametrize("who", ["officer", "colleague", "outsider", "supervisor"])
def test_refused_users_cannot_write_by_posting(client: Client, world: World, who: str) -> None:
    before = events()
    response = as_user(client, persona(world, who)).post(
        PAGES["certificate_issue"](world, "taiyuan"), CERTIFICATE
    )
    assert response.status_code == 404
    assert events() == before
    assert not Certificate.objects.filter(number=CERTIFICATE["number"]).exists()


def test_writes_need_the_csrf_token(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin_user)
    before = events()
    response = client.post(PAGES["certificate_issue"](world, "taiyuan"), CERTIFICATE)
    assert response.status_code == 403
    assert events() == before


def test_withdrawing_is_post_only(client: Client, world: World) -> None:
    url = reverse("organizations:agency_role_withdraw", args=[world.taiyuan.pk])
    assert as_user(client, world.admin_user).get(url).status_code == 405


# -- the detail pages link to management only for administrators -----------------------------------------


@pytest.mark.parametrize(("who", "sees"), [("admin", True), ("colleague", False), ("supervisor", False)])
def test_officer_page_offers_management_to_administrators(
    client: Client, world: World, who: str, sees: bool
) -> None:
    html = html_of(
        as_user(client, persona(world, who)).get(
            reverse("organizations:officer_detail", args=[world.officer.pk])
        )
    )
    for page in ("officer_edit", "certificate_issue", "training_record", "officer_link_login"):
        assert (PAGES[page](world, "taiyuan") in html) is sees
    assert (PAGES["certificate_status"](world, "taiyuan") in html) is sees


@pytest.mark.parametrize(("who", "sees"), [("admin", True), ("officer", False), ("supervisor", False)])
def test_agency_page_shows_role_holders_to_administrators(
    client: Client, world: World, who: str, sees: bool
) -> None:
    html = html_of(
        as_user(client, persona(world, who)).get(
            reverse("organizations:agency_detail", args=[world.taiyuan.pk])
        )
    )
    assert (f'data-user="{world.officer_user.pk}" data-role="officer"' in html) is sees
    assert (reverse("organizations:officer_add", args=[world.taiyuan.pk]) in html) is sees


def test_a_revoked_certificate_offers_no_status_change(client: Client, world: World) -> None:
    certificate = world.officer.certificates.get()
    actions.check_change_certificate_status(
        actor=factories.SYSTEM,
        certificate=certificate,
        status=CertificateStatus.REVOKED,
        effective=dt.date(2026, 5, 1),
        reason="违法执法",
    )
    html = html_of(
        as_user(client, world.admin_user).get(
            reverse("organizations:officer_detail", args=[world.officer.pk])
        )
    )
    assert PAGES["certificate_status"](world, "taiyuan") not in html


# -- adding and editing officers ----------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["taiyuan", "xiaodian"])
def test_administrator_adds_an_officer(client: Client, world: World, target: str) -> None:
    agency = getattr(world, target)
    department = factories.make_department(agency, "执法科")
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["officer_add"](world, target),
        {"name": "赵六", "post": "科员", "department": department.pk, "legal_qualification_number": "A2024"},
    )
    officer = Officer.objects.get(name="赵六")
    assert response.status_code == 302
    assert response["Location"] == reverse("organizations:officer_detail", args=[officer.pk])
    assert (officer.agency, officer.department, officer.legal_qualification_number) == (
        agency,
        department,
        "A2024",
    )
    assert events() == before + 1


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "post": "科员"}, "name"),
        ({"name": "赵六", "department": "other-agency"}, "department"),
    ],
)
def test_adding_an_officer_refuses_bad_input(
    client: Client, world: World, data: dict[str, str], field: str
) -> None:
    if data.get("department") == "other-agency":
        data = {**data, "department": str(factories.make_department(world.datong, "执法科").pk)}
    before = events(), Officer.objects.count()
    response = as_user(client, world.admin_user).post(PAGES["officer_add"](world, "taiyuan"), data)
    assert response.status_code == 400
    assert f'data-error-for="{field}"' in html_of(response)
    assert (events(), Officer.objects.count()) == before


def edit_data(officer: Officer, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": officer.name,
        "post": officer.post,
        "department": officer.department_id or "",
        "legal_qualification_number": officer.legal_qualification_number,
    }
    if officer.is_active:
        data["is_active"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_administrator_edits_an_officer(client: Client, world: World) -> None:
    department = factories.make_department(world.taiyuan, "法制科")
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["officer_edit"](world, "taiyuan"),
        edit_data(world.officer, post="科长", department=department.pk, is_active=None),
    )
    assert response.status_code == 302
    world.officer.refresh_from_db()
    assert (world.officer.post, world.officer.department, world.officer.is_active) == (
        "科长",
        department,
        False,
    )
    assert events() == before + 1


def test_an_unchanged_edit_writes_nothing(client: Client, world: World) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["officer_edit"](world, "taiyuan"), edit_data(world.officer)
    )
    assert response.status_code == 302
    assert events() == before


def test_editing_refuses_a_department_of_another_agency(client: Client, world: World) -> None:
    foreign = factories.make_department(world.datong, "执法科")
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["officer_edit"](world, "taiyuan"), edit_data(world.officer, department=foreign.pk)
    )
    assert response.status_code == 400
    assert 'data-error-for="department"' in html_of(response)
    world.officer.refresh_from_db()
    assert world.officer.department is None
    assert events() == before


# -- certificates -------------------------------------------------------------------------------------------


def test_administrator_issues_a_certificate(client: Client, world: World) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["certificate_issue"](world, "taiyuan"), CERTIFICATE
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get(number=CERTIFICATE["number"])
    assert (certificate.officer, certificate.valid_to) == (world.officer, dt.date(2030, 12, 31))
    assert events() == before + 1


def test_a_certificate_cannot_end_before_it_starts(client: Client, world: World) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["certificate_issue"](world, "taiyuan"), {**CERTIFICATE, "valid_to": "2025-12-31"}
    )
    assert response.status_code == 400
    assert shown("A certificate cannot expire before it becomes valid.") in html_of(response)
    assert events() == before
    assert not Certificate.objects.filter(number=CERTIFICATE["number"]).exists()


def test_a_certificate_number_is_unique(client: Client, world: World) -> None:
    taken = world.colleague.certificates.get().number
    before = events(), Certificate.objects.count()
    response = as_user(client, world.admin_user).post(
        PAGES["certificate_issue"](world, "taiyuan"), {**CERTIFICATE, "number": taken}
    )
    assert response.status_code == 400
    assert 'data-error-for="number"' in html_of(response)
    assert (events(), Certificate.objects.count()) == before


def test_a_certificate_needs_real_dates(client: Client, world: World) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["certificate_issue"](world, "taiyuan"), {**CERTIFICATE, "valid_from": "2026-02-30"}
    )
    assert response.status_code == 400
    assert 'data-error-for="valid_from"' in html_of(response)
    assert events() == before


def change_status(client: Client, world: World, status: str, reason: str = "调查中") -> str:
    response = client.post(
        PAGES["certificate_status"](world, "taiyuan"),
        {"status": status, "effective": "2026-06-01", "reason": reason},
    )
    return f"{response.status_code}:{html_of(response)}"


def test_administrator_suspends_and_reinstates_a_certificate(client: Client, world: World) -> None:
    as_user(client, world.admin_user)
    certificate = world.officer.certificates.get()
    before = events()
    assert change_status(client, world, "suspended").startswith("302:")
    certificate.refresh_from_db()
    assert (certificate.status, certificate.status_changed_on) == ("suspended", dt.date(2026, 6, 1))
    assert events() == before + 1
    assert change_status(client, world, "valid", reason="调查结束").startswith("302:")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID
    assert events() == before + 2


def test_a_revoked_certificate_cannot_be_reinstated(client: Client, world: World) -> None:
    as_user(client, world.admin_user)
    assert change_status(client, world, "revoked", reason="违法执法").startswith("302:")
    before = events()
    outcome = change_status(client, world, "valid", reason="复议撤销")
    assert outcome.startswith("400:")
    assert shown("A revoked certificate cannot change status; issue a new certificate.") in outcome
    assert world.officer.certificates.get().status == CertificateStatus.REVOKED
    assert events() == before


@pytest.mark.parametrize(
    ("status", "reason", "field"), [("suspended", "", "reason"), ("lost", "丢失", "status")]
)
def test_a_status_change_needs_a_known_status_and_a_reason(
    client: Client, world: World, status: str, reason: str, field: str
) -> None:
    as_user(client, world.admin_user)
    before = events()
    outcome = change_status(client, world, status, reason=reason)
    assert outcome.startswith("400:")
    assert f'data-error-for="{field}"' in outcome
    assert events() == before


def test_the_same_status_again_is_refused(client: Client, world: World) -> None:
    as_user(client, world.admin_user)
    before = events()
    outcome = change_status(client, world, "valid")
    assert outcome.startswith("400:")
    assert shown("The certificate already has this status.") in outcome
    assert events() == before


# -- training -----------------------------------------------------------------------------------------------


def test_administrator_records_training(client: Client, world: World) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["training_record"](world, "taiyuan"),
        {"completed_on": "2026-05-20", "topic": "行政处罚法", "hours": "16"},
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get(officer=world.officer)
    assert (record.completed_on, record.topic, record.hours) == (dt.date(2026, 5, 20), "行政处罚法", 16)
    assert events() == before + 1


@pytest.mark.parametrize("hours", ["0", "-4"])
def test_training_hours_must_be_positive(client: Client, world: World, hours: str) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        PAGES["training_record"](world, "taiyuan"),
        {"completed_on": "2026-05-20", "topic": "行政处罚法", "hours": hours},
    )
    assert response.status_code == 400
    assert shown("Training hours must be a positive number.") in html_of(response)
    assert not TrainingRecord.objects.exists()
    assert events() == before


# -- linking a login ----------------------------------------------------------------------------------------


def test_administrator_links_an_officer_to_a_login(client: Client, world: World) -> None:
    newcomer = factories.make_officer(world.taiyuan, "新人")
    login = factories.make_user("xinren")
    before = events()
    response = as_user(client, world.admin_user).post(
        reverse("organizations:officer_link_login", args=[newcomer.pk]), {"username": "xinren"}
    )
    assert response.status_code == 302
    newcomer.refresh_from_db()
    assert newcomer.user_id == login.pk
    assert events() == before + 1


@pytest.mark.parametrize("username", ["nobody-has-this-name", "colleague"])
def test_linking_refuses_unknown_or_taken_logins(client: Client, world: World, username: str) -> None:
    newcomer = factories.make_officer(world.taiyuan, "新人")
    before = events()
    response = as_user(client, world.admin_user).post(
        reverse("organizations:officer_link_login", args=[newcomer.pk]), {"username": username}
    )
    assert response.status_code == 400
    assert 'data-error-for="username"' in html_of(response)
    newcomer.refresh_from_db()
    assert newcomer.user_id is None
    assert events() == before


# -- roles --------------------------------------------------------------------------------------------------


def grant_url(world: World, target: str = "taiyuan") -> str:
    return PAGES["agency_roles"](world, target)


def withdraw_url(world: World, target: str = "taiyuan") -> str:
    return reverse("organizations:agency_role_withdraw", args=[getattr(world, target).pk])


def test_roles_page_lists_the_holders(client: Client, world: World) -> None:
    html = html_of(as_user(client, world.admin_user).get(grant_url(world)))
    for user, role in ((world.officer_user, "officer"), (world.admin_user, "administrator")):
        assert f'data-user="{user.pk}" data-role="{role}"' in html
    assert f'data-user="{world.outsider_user.pk}"' not in html


@pytest.mark.parametrize("target", ["taiyuan", "xiaodian"])
def test_administrator_grants_a_role(client: Client, world: World, target: str) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        grant_url(world, target), {"username": "colleague", "role": Role.LEGAL_REVIEWER}
    )
    assert response.status_code == 302
    agency = getattr(world, target)
    assert RoleGrant.objects.filter(
        user=world.colleague_user, agency=agency, role=Role.LEGAL_REVIEWER
    ).exists()
    assert events() == before + 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"username": "nobody-has-this-name", "role": "officer"}, 'data-error-for="username"'),
        ({"username": "colleague", "role": "emperor"}, 'data-error-for="role"'),
        ({"username": "colleague", "role": "officer"}, 'id="form-errors"'),  # already held
    ],
)
def test_granting_refuses_bad_input(client: Client, world: World, data: dict[str, str], error: str) -> None:
    before = events(), RoleGrant.objects.count()
    response = as_user(client, world.admin_user).post(grant_url(world), data)
    assert response.status_code == 400
    assert error in html_of(response)
    assert (events(), RoleGrant.objects.count()) == before


@pytest.mark.parametrize(
    ("who", "target"), [("admin", "datong"), ("supervisor", "taiyuan"), ("officer", "taiyuan")]
)
def test_roles_outside_ones_administration_cannot_be_granted(
    client: Client, world: World, who: str, target: str
) -> None:
    before = events(), RoleGrant.objects.count()
    response = as_user(client, persona(world, who)).post(
        grant_url(world, target), {"username": "colleague", "role": Role.ADMINISTRATOR}
    )
    assert response.status_code == 404
    assert (events(), RoleGrant.objects.count()) == before


def test_administrator_withdraws_a_role(client: Client, world: World) -> None:
    before = events()
    response = as_user(client, world.admin_user).post(
        withdraw_url(world), {"user": world.officer_user.pk, "role": Role.OFFICER}
    )
    assert response.status_code == 302
    assert not RoleGrant.objects.filter(user=world.officer_user, role=Role.OFFICER).exists()
    assert events() == before + 1


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("officer", Role.LEGAL_REVIEWER),  # not held
        ("admin", Role.ADMINISTRATOR),  # one's own administrator role
    ],
)
def test_withdrawing_refuses_what_cannot_be_withdrawn(
    client: Client, world: World, who: str, role: Role
) -> None:
    before = events(), RoleGrant.objects.count()
    response = as_user(client, world.admin_user).post(
        withdraw_url(world), {"user": persona(world, who).pk, "role": role}, follow=True
    )
    assert response.status_code == 200
    assert 'class="error"' in html_of(response)
    assert (events(), RoleGrant.objects.count()) == before


@pytest.mark.parametrize(
    ("who", "target"), [("admin", "datong"), ("supervisor", "taiyuan"), ("colleague", "taiyuan")]
)
def test_roles_outside_ones_administration_cannot_be_withdrawn(
    client: Client, world: World, who: str, target: str
) -> None:
    holder = world.outsider_user if target == "datong" else world.officer_user
    before = events(), RoleGrant.objects.count()
    response = as_user(client, persona(world, who)).post(
        withdraw_url(world, target), {"user": holder.pk, "role": Role.OFFICER}
    )
    assert response.status_code == 404
    assert (events(), RoleGrant.objects.count()) == before


def test_the_status_form_suggests_the_likely_change(client: Client, world: World) -> None:
    as_user(client, world.admin_user)
    html = html_of(client.get(PAGES["certificate_status"](world, "taiyuan")))
    assert '<option value="suspended" selected>' in html
    assert 'value="2026-06-01"' in html
    assert change_status(client, world, "suspended").startswith("302:")
    html = html_of(client.get(PAGES["certificate_status"](world, "taiyuan")))
    assert '<option value="valid" selected>' in html

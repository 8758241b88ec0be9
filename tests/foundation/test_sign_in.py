"""Sign-up, verification, sign-in, sign-out, password reset and staff MFA, all through allauth."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse

from core.access.roles import Role
from core.audit.models import AuditEvent
from core.notifications.models import OutboundEmail
from core.people.models import Person
from tests.factories import PASSWORD, PersonFactory, give_totp, person_with

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_sign_up_sends_a_verification_e_mail_after_commit_and_verifying_signs_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "Maya@Mail.Example",
                "full_name": "Maya Anggraini",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    assert response.status_code == 302
    person = Person.objects.get(email="maya@mail.example")
    assert person.full_name == "Maya Anggraini"
    assert OutboundEmail.objects.get(to="maya@mail.example").status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1

    # Unverified: signing in is refused until the address is confirmed.
    client.logout()
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.url == reverse("account_email_verification_sent")

    confirm_url = link_in(mail.outbox[0])
    response = client.post(confirm_url)
    assert response.status_code == 302
    assert response.url == reverse("portal-landing")
    # A person with no role yet lands on the portal picker, which explains how to ask for one.
    response = client.get(response.url, follow=True)
    assert response.status_code == 200
    assert "have access to a portal yet" in response.content.decode()


def test_sign_up_without_a_name_keeps_what_was_typed_and_says_why(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "noname@mail.example", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 200
    assert b"noname@mail.example" in response.content
    assert b"This field is required" in response.content
    assert not Person.objects.filter(email="noname@mail.example").exists()


def test_sign_in_by_e_mail_and_sign_out(client):
    person = person_with(Role.CUSTOMER, email="siti@sinarjaya.example")
    response = client.post(
        reverse("account_login"), {"login": "SITI@sinarjaya.example", "password": PASSWORD}
    )
    assert response.url == reverse("portal-landing")
    assert client.get(response.url).url == reverse("customer:dashboard")
    assert AuditEvent.objects.filter(action="auth.signed_in", actor=person).exists()

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get(reverse("customer:dashboard")).status_code == 302


def test_wrong_password_is_refused_and_audited_without_the_password(client):
    person_with(Role.CUSTOMER, email="siti@sinarjaya.example")
    response = client.post(
        reverse("account_login"), {"login": "siti@sinarjaya.example", "password": "wrong-guess"}
    )
    assert response.status_code == 200
    assert b"not correct" in response.content
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert event.changes == {"email": "siti@sinarjaya.example"}


def test_repeated_failed_sign_ins_are_rate_limited(client):
    person_with(Role.CUSTOMER, email="target@sinarjaya.example")
    for _ in range(5):
        client.post(
            reverse("account_login"), {"login": "target@sinarjaya.example", "password": "x"}
        )
    # Even the right password is refused now: the limit is per account, not per guess.
    response = client.post(
        reverse("account_login"), {"login": "target@sinarjaya.example", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert b"Too many failed login attempts" in response.content
    assert "_auth_user_id" not in client.session


def test_password_reset_by_e_mail_link(client, django_capture_on_commit_callbacks):
    person = person_with(Role.PARTNER, email="agus@nusantara.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": "agus@nusantara.example"})
    assert len(mail.outbox) == 1

    response = client.get(link_in(mail.outbox[0]))
    form_url = response.url  # allauth moves the key out of the address before showing the form
    new_password = "Another-l0ng-passphrase"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302

    person.refresh_from_db()
    assert person.check_password(new_password)
    response = client.post(
        reverse("account_login"), {"login": person.email, "password": new_password}
    )
    assert response.url == reverse("portal-landing")


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@mail.example"})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")


def test_employee_without_a_second_factor_is_sent_to_set_one_up(client):
    employee = person_with(Role.EMPLOYEE, mfa=False)
    client.force_login(employee)
    response = client.get(reverse("employee:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("access:mfa-required"))

    response = client.get(response.url)
    assert b"two-factor" in response.content.lower()
    assert reverse("mfa_activate_totp").encode() in response.content


def test_employee_with_a_second_factor_must_give_a_code_at_sign_in(client):
    employee = person_with(Role.EMPLOYEE, mfa=False)
    secret = give_totp(employee)
    response = client.post(
        reverse("account_login"), {"login": employee.email, "password": PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.url == reverse("portal-landing")
    assert client.get(reverse("employee:dashboard")).status_code == 200


def test_setting_up_mfa_leads_back_to_the_employee_portal(client):
    employee = person_with(Role.EMPLOYEE, mfa=False)
    client.post(reverse("account_login"), {"login": employee.email, "password": PASSWORD})
    response = client.get(reverse("employee:dashboard"))
    client.get(response.url)  # the explanation page remembers where the person was going

    # Adding a factor asks for the password again, so a borrowed session cannot lock the owner out.
    response = client.get(reverse("mfa_activate_totp"))
    assert response.url.startswith(reverse("account_reauthenticate"))
    client.post(response.url, {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    secret = response.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    response = client.get(response.url)
    assert reverse("employee:dashboard").encode() in response.content
    assert client.get(reverse("employee:dashboard")).status_code == 200


def test_customers_never_need_a_second_factor(client):
    client.force_login(person_with(Role.CUSTOMER, Role.PARTNER, Role.INVESTOR))
    for name in ("customer:dashboard", "partner:dashboard", "investor:dashboard"):
        assert client.get(reverse(name)).status_code == 200


def test_admin_sign_in_goes_through_allauth(client):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    response = client.get("/cms/")
    assert response.url.startswith(reverse("account_login"))


def test_staff_without_mfa_cannot_use_either_admin(client):
    admin = PersonFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    for url in ("/django-admin/", "/cms/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("access:mfa-required"))
    give_totp(admin)
    assert client.get("/django-admin/").status_code == 200
    assert client.get("/cms/").status_code == 200

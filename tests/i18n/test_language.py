"""A person who chose Bahasa Indonesia gets the site and their e-mails in it, from sign-in on;
anonymous visitors switch with the header's language menu; <html lang> follows."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from core.access.roles import Role
from tests.factories import PASSWORD, person_with
from tests.quality.test_bad_input import FAST, BadInputTestCase
from tests.tickets.factories import customer, open_ticket, support_desk

pytestmark = pytest.mark.django_db
COOKIE = settings.LANGUAGE_COOKIE_NAME


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]*)"', response.content.decode()).group(1)


def test_the_customer_dashboard_speaks_indonesian_to_a_person_who_chose_it(sign_in):
    client = sign_in(person_with(Role.CUSTOMER, language="id", preferred_name="Siti"))
    response = client.get(reverse("customer:dashboard"))
    page = response.content.decode()
    assert html_lang(response) == "id"
    assert response["Content-Language"] == "id"
    for indonesian in ("Halo, Siti", "Ikhtisar", "Tiket terbaru Anda", "Minta bantuan", "Keluar"):
        assert indonesian in page
    for english in ("Your recent tickets", "Ask for help", "Sign out"):
        assert english not in page


def test_the_same_page_stays_english_for_a_person_who_chose_english(sign_in):
    client = sign_in(person_with(Role.CUSTOMER, language="en", preferred_name="Emily"))
    response = client.get(reverse("customer:dashboard"))
    assert html_lang(response) == "en"
    assert "Hello, Emily" in response.content.decode()
    assert "Sign out" in response.content.decode()


def test_after_sign_in_the_profile_language_wins_over_the_visitors_choice(client):
    person = person_with(Role.CUSTOMER, language="id")
    client.cookies[COOKIE] = "en"  # chose English while signed out
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    response = client.get(reverse("customer:dashboard"))
    assert html_lang(response) == "id"
    assert "Berhasil masuk sebagai" in response.content.decode()  # the welcome, too
    # The cookie now follows the profile, so the site keeps speaking Indonesian after sign-out.
    assert response.cookies[COOKIE].value == "id"
    client.post(reverse("account_logout"))
    assert html_lang(client.get(reverse("account_login"))) == "id"


def test_an_anonymous_visitor_switches_language_in_the_header(client):
    page = client.get(reverse("account_login"))
    header = page.content.decode().split('<main id="main"')[0]
    assert f'action="{reverse("set_language")}"' in header
    assert 'name="language" value="id"' in header
    response = client.post(reverse("set_language"), {"language": "id", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    page = client.get(response.url)
    assert html_lang(page) == "id"
    assert "Masuk" in page.content.decode()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    assert html_lang(client.get(response.url)) == "en"


def test_switching_while_signed_in_changes_the_profile_and_the_next_page(sign_in):
    person = person_with(Role.CUSTOMER, language="en")
    client = sign_in(person)
    response = client.post(reverse("set_language"), {"language": "id", "next": "/customer/"})
    assert response.cookies[COOKIE].value == "id"
    person.refresh_from_db()
    assert person.language == "id"
    assert html_lang(client.get("/customer/")) == "id"


def test_the_profile_offers_the_language_choice_in_the_persons_language(sign_in):
    client = sign_in(person_with(Role.CUSTOMER, language="id"))
    page = client.get(reverse("people:profile")).content.decode()
    assert re.search(r'<select name="language"[^>]*>', page)
    assert "Bahasa" in page
    assert "Profil Anda" in page or "Tentang Anda" in page


def test_ticket_e_mails_come_in_the_requesters_language_with_placeholders_filled(
    django_capture_on_commit_callbacks,
):
    support_desk()
    siti = customer(language="id", preferred_name="Siti")
    emily = customer(language="en", preferred_name="Emily")
    with django_capture_on_commit_callbacks(execute=True):
        siti_ticket = open_ticket(siti, subject="Pemindai keluar sendiri")
        emily_ticket = open_ticket(emily, subject="Scanner logs out")
    by_person = {message.to[0]: message for message in mail.outbox}

    indonesian = by_person[siti.email]
    assert indonesian.subject == (
        f"[{siti_ticket.reference}] Kami telah menerima permintaan Anda: Pemindai keluar sendiri"
    )
    assert "Halo Siti," in indonesian.body
    assert f"kini menjadi tiket {siti_ticket.reference}" in indonesian.body
    assert "%(" not in indonesian.body and "{{" not in indonesian.body

    english = by_person[emily.email]
    assert (
        english.subject == f"[{emily_ticket.reference}] We received your request: Scanner logs out"
    )
    assert "Hello Emily," in english.body


def test_an_agents_reply_reaches_an_indonesian_requester_in_indonesian(
    django_capture_on_commit_callbacks,
):
    from core.tickets.lifecycle import Side
    from core.tickets.services import ticket_reply

    desk = support_desk()
    siti = customer(language="id")
    ticket = open_ticket(siti)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=ticket, author=desk.agent, side=Side.AGENT, body="Coba versi 4.13")
    subjects = sorted(message.subject for message in mail.outbox)
    assert f"[{ticket.reference}] Balasan baru: Scanner logs out" in subjects
    assert f"[{ticket.reference}] Status kini Terbuka" in subjects


class LanguageSwitchBadInputTests(BadInputTestCase):
    @FAST
    @given(
        language=st.one_of(st.sampled_from(["en", "id", "ID", "fr", ""]), st.text()),
        next_=st.text(),
    )
    def test_any_language_switch_input_answers_without_error_and_keeps_the_profile_valid(
        self, language, next_
    ):
        person = person_with(Role.CUSTOMER, language="en")
        self.client.force_login(person)
        response = self.client.post(reverse("set_language"), {"language": language, "next": next_})
        assert response.status_code in (302, 204, 400)
        person.refresh_from_db()
        assert person.language in dict(settings.LANGUAGES)
        assert person.language == (language if language in dict(settings.LANGUAGES) else "en")
        if response.status_code == 302:  # never sends anyone off the site
            assert not re.match(r"^(https?:)?//", response.url)


def test_ticket_history_keeps_labels_in_english_and_each_reader_sees_their_own_language(
    sign_in, django_capture_on_commit_callbacks
):
    from django.utils import translation

    from core.tickets.lifecycle import Side, Status
    from core.tickets.models import TicketEvent
    from core.tickets.services import ticket_change_status

    desk = support_desk()
    siti = customer(language="id")
    ticket = open_ticket(siti)
    mail.outbox.clear()
    with translation.override("id"), django_capture_on_commit_callbacks(execute=True):
        # An agent working in Indonesian resolves it.
        ticket_change_status(ticket=ticket, to=Status.RESOLVED, by=desk.agent, side=Side.AGENT)
    event = TicketEvent.objects.filter(ticket=ticket, kind="status").latest("at")
    assert (event.old_value, event.new_value) == ("New", "Resolved")

    [message] = mail.outbox
    assert message.subject == f"[{ticket.reference}] Status kini Terselesaikan"
    assert "berubah dari Baru menjadi Terselesaikan" in message.body

    page = sign_in(siti).get(reverse("customer:ticket-detail", args=[ticket.reference]))
    assert "Status: Baru → <strong>Terselesaikan</strong>" in page.content.decode()

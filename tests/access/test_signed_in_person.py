"""The session's person comes from the shared cache with their access facts, and every
change to them reaches the next request: a new name, a language, a password, a deactivation,
a deletion."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.access import facts
from core.access.roles import Role
from core.people.models import Person
from tests.factories import person_with

pytestmark = pytest.mark.django_db

PORTAL_PICKER = reverse("access:portal-picker")


@pytest.fixture
def dewi(sign_in):
    person = person_with(Role.CUSTOMER, Role.PARTNER, full_name="Dewi Lestari")
    return person, sign_in(person)


def person_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PORTAL_PICKER).status_code == 200
    return [q["sql"] for q in queries if 'FROM "people_person"' in q["sql"]]


def test_after_the_first_request_the_person_costs_no_query(dewi):
    _person, client = dewi
    assert person_queries(client)  # read once, then kept
    assert person_queries(client) == []
    assert person_queries(client) == []


def test_the_person_and_their_facts_come_in_one_cache_read(dewi, monkeypatch):
    person, client = dewi
    client.get(PORTAL_PICKER)
    reads = []
    original = facts.cache.get_many
    monkeypatch.setattr(
        facts.cache, "get_many", lambda keys: reads.append(list(keys)) or original(keys)
    )
    kept = facts.signed_in_person(person.pk)
    assert kept == person and kept is not person
    assert reads == [[f"person-v1:{person.pk}", f"access-v2:{person.pk}"]]
    assert kept.__dict__["_access_facts"].worked_queue_ids == frozenset()


def test_a_saved_change_shows_on_the_next_request(dewi):
    person, client = dewi
    person_queries(client)
    person.preferred_name = "Anggi"  # the header greets people by it
    person.save()
    assert "Anggi" in client.get(PORTAL_PICKER).content.decode()


def test_the_language_switch_shows_on_the_next_request(dewi):
    _person, client = dewi
    person_queries(client)
    client.post(reverse("set_language"), {"language": "id", "next": PORTAL_PICKER})
    assert client.get(PORTAL_PICKER).headers["Content-Language"] == "id"


def test_a_new_password_signs_the_old_session_out(dewi):
    person, client = dewi
    person_queries(client)
    person.set_password("another long passphrase 42")
    person.save()
    assert client.get(PORTAL_PICKER).status_code == 302


def test_a_deactivated_or_deleted_person_is_signed_out(dewi, sign_in):
    person, client = dewi
    person_queries(client)
    person.is_active = False
    person.save()
    assert client.get(PORTAL_PICKER).status_code == 302

    other = person_with(Role.CUSTOMER)
    other_client = sign_in(other)
    person_queries(other_client)
    Person.objects.filter(pk=other.pk).delete()
    assert other_client.get(PORTAL_PICKER).status_code == 302

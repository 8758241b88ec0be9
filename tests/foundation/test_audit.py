import pytest
from django.db import DatabaseError, connection, transaction

from core.access.roles import Role
from core.audit.models import AppendOnlyError, AuditEvent
from core.audit.services import audit_record
from core.people.models import Person
from tests.factories import person_with

pytestmark = pytest.mark.django_db


def test_audit_events_cannot_be_changed_or_deleted_through_the_orm():
    event = audit_record("test.happened", changes={"a": 1})
    event.action = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="rewritten")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_an_event_remembers_who_even_after_the_person_is_gone():
    person = person_with(Role.CUSTOMER)
    email = person.email
    event = audit_record("test.happened", actor=person, target=person)
    Person.objects.filter(pk=person.pk).delete()
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.actor is None
    assert event.actor_label == email


@pytest.mark.postgres
def test_postgresql_itself_refuses_to_rewrite_history():
    event = audit_record("test.happened")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).action == "test.happened"


def test_the_client_address_comes_from_the_trusted_proxy_only(rf, settings):
    from core.audit.services import client_ip

    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.TRUSTED_PROXY_HOPS = 0
    assert client_ip(request) == "10.0.0.5"
    settings.TRUSTED_PROXY_HOPS = 1
    assert client_ip(request) == "203.0.113.9"  # the forged first entry is ignored
    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert client_ip(request) is None

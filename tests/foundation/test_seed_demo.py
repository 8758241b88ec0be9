import pytest
from django.core.management import call_command

from core.access import policies
from core.access.roles import Duty, Role
from core.demo.foundation import PEOPLE
from core.orgs.models import Organisation
from core.people.models import Person, RoleAssignment
from tests.access.engine import KINDS

pytestmark = pytest.mark.django_db


def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo")
    counts = (Person.objects.count(), Organisation.objects.count(), RoleAssignment.objects.count())
    call_command("seed_demo")
    assert counts == (
        Person.objects.count(),
        Organisation.objects.count(),
        RoleAssignment.objects.count(),
    )
    out = capsys.readouterr().out
    assert "dewi.lestari@mail.example" in out
    assert "Samudra-demo-2026" in out


def test_the_demo_has_every_kind_of_person_the_access_matrix_checks(world):
    assert set(KINDS) - {"anonymous"} <= set(world.people)
    people = {key: Person.objects.get(pk=p.pk) for key, p in world.people.items()}
    assert policies.roles_of(people["multi"]) == {Role.CUSTOMER, Role.PARTNER, Role.INVESTOR}
    assert policies.is_org_admin(people["customer_admin"], world.orgs["sinarjaya"])
    assert not policies.is_org_admin(people["customer"], world.orgs["sinarjaya"])
    assert policies.has_duty(people["agent"], Duty.AGENT)
    assert policies.has_duty(people["channel_manager"], Duty.CHANNEL_MANAGER)
    assert policies.roles_of(people["norole"]) == set()


def test_the_demo_has_history_not_just_a_snapshot(world):
    ended = RoleAssignment.objects.filter(until__isnull=False)
    assert ended.filter(person__email=PEOPLE["customer"].email).exists()
    assert ended.filter(person__email=PEOPLE["channel_manager"].email, role=Role.PARTNER).exists()


def test_the_demo_knowledge_base_can_correct_a_misspelt_search(world):
    from core.knowledge.vocabulary import corrected

    assert corrected(["scaner"]) == ["scanner"]

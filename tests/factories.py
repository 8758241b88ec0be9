"""Test data builders. Prefer these to the demo when a test needs only a few rows of its own."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from core.access.roles import ORGANISATION_KIND_FOR_ROLE, Duty, OrganisationKind, Role
from core.orgs.models import Organisation
from core.people.models import Person
from core.people.services import role_grant

PASSWORD = "a-Long-test-passw0rd"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.CUSTOMER
    country = "ID"
    email_domain = factory.Sequence(lambda n: f"org{n}.example")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@people.example")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A verified primary address, as allauth expects of anyone who can sign in."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)
        if create:
            obj.save()


def person_with(
    *roles: Role,
    organisation: Organisation | None = None,
    admin: bool = False,
    duties: tuple[Duty, ...] = (),
    mfa: bool | None = None,
    **person_fields,
) -> Person:
    """A person holding `roles` (each at `organisation`, or a new one of the right kind)."""
    person = PersonFactory(**person_fields)
    for role in roles:
        org = organisation
        if org is None or org.kind != ORGANISATION_KIND_FOR_ROLE[role]:
            org = _organisation_for(role)
        role_grant(
            person=person, role=role, organisation=org, is_org_admin=admin and org is not None
        )
    for duty in duties:
        person.groups.add(Group.objects.get(name=duty.value))
    if mfa if mfa is not None else Role.EMPLOYEE in roles:
        give_totp(person)
    return person


def _organisation_for(role: Role) -> Organisation | None:
    if role is Role.INVESTOR:
        return None
    if role is Role.EMPLOYEE:
        return own_company()
    return OrganisationFactory(kind=ORGANISATION_KIND_FOR_ROLE[role])


def own_company() -> Organisation:
    company, _ = Organisation.objects.get_or_create(
        kind=OrganisationKind.OWN_COMPANY, defaults={"name": "Our Company"}
    )
    return company


def give_totp(person: Person) -> str:
    secret = generate_totp_secret()
    TOTP.activate(person, secret)
    return secret


def has_totp(person: Person) -> bool:
    return Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()

"""Joining the programme and managing a firm's team.

Approval of an application creates the partner organisation, gives each contact the partner
role there (admins as partner admins) through core.people.services.role_grant, and e-mails
each an invitation: people new to the site get a link to choose a password (allauth's
password-reset key, so the link is single-use and expires), people who already have an
account are told to sign in.
"""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.access.roles import OrganisationKind, Role
from core.audit.services import audit_record
from core.notifications.services import email_queue_templated
from core.orgs.models import Organisation
from core.people.models import Person, RoleAssignment
from core.people.services import role_end, role_grant

from ..models import ApplicationContact, PartnerApplication, PartnerProfile
from ..normalise import domain_key


class ProgrammeError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


A = PartnerApplication.Status


@transaction.atomic
def application_submit(*, data: dict, contacts: list[dict]) -> PartnerApplication:
    if not contacts:
        raise ProgrammeError(_("Name at least one contact."))
    application = PartnerApplication.objects.create(agreement_accepted_at=timezone.now(), **data)
    seen = set()
    for index, contact in enumerate(contacts):
        email = contact["email"].strip().lower()
        if email in seen:
            continue
        seen.add(email)
        ApplicationContact.objects.create(
            application=application,
            name=contact["name"],
            email=email,
            title=contact.get("title", ""),
            is_admin=contact.get("is_admin", index == 0),
        )
    audit_record("partner-application.submitted", target=application)
    _tell_applicant(application, "received")
    return application


@transaction.atomic
def application_resubmit(*, application: PartnerApplication, message: str) -> PartnerApplication:
    application = PartnerApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != A.MORE_INFO:
        raise ProgrammeError(_("This application is not waiting for you."))
    application.message = f"{application.message}\n\n{message}".strip()
    application.status = A.SUBMITTED
    application.save(update_fields=["message", "status"])
    audit_record("partner-application.resubmitted", target=application)
    return application


@transaction.atomic
def application_decide(
    *, application: PartnerApplication, by, decision: str, tier=None, note: str = ""
) -> PartnerApplication:
    application = PartnerApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != A.SUBMITTED:
        raise ProgrammeError(_("This application has been decided already."))
    if decision in (A.REJECTED, A.MORE_INFO) and not note.strip():
        raise ProgrammeError(_("Please give a reason."))
    if decision == A.APPROVED:
        if tier is None:
            raise ProgrammeError(_("Choose the tier the firm joins at."))
        application.organisation = _create_partner(application, tier, by)
        application.tier = tier
    elif decision not in (A.REJECTED, A.MORE_INFO):
        raise ProgrammeError(_("Unknown decision."))
    application.status = decision
    application.decision_note = note
    application.decided_by = by
    application.decided_at = timezone.now()
    application.save()
    audit_record(f"partner-application.{decision}", actor=by, target=application)
    _tell_applicant(application, decision)
    return application


def _create_partner(application, tier, by) -> Organisation:
    domain = domain_key(application.website) or domain_key(application.contacts.first().email)
    if Organisation.objects.filter(
        kind=OrganisationKind.PARTNER, name__iexact=application.company
    ).exists():
        raise ProgrammeError(_("A partner firm of this name exists already."))
    organisation = Organisation.objects.create(
        name=application.company,
        slug=slugify(f"{application.company}-partner-{application.pk}")[:220],
        kind=OrganisationKind.PARTNER,
        country=application.country.upper(),
        city=application.city,
        website=application.website,
        email_domain=domain,
        partner_tier=tier,
    )
    PartnerProfile.objects.create(
        organisation=organisation,
        territories=application.territory.casefold(),
        specialisations=application.specialisations.casefold(),
    )
    for contact in application.contacts.all():
        invite(
            organisation=organisation,
            email=contact.email,
            name=contact.name,
            title=contact.title,
            is_admin=contact.is_admin,
            by=by,
        )
    return organisation


def invitation_link(person: Person) -> str:
    """A single-use link to choose a password (allauth's reset-from-key view)."""
    return reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(person),
            "key": default_token_generator.make_token(person),
        },
    )


@transaction.atomic
def invite(
    *, organisation: Organisation, email: str, name: str, title: str = "", is_admin=False, by=None
) -> RoleAssignment:
    """Give `email` the partner role at `organisation` and e-mail them the way in."""
    email = email.strip().lower()
    person = Person.objects.filter(email=email).first()
    is_new = person is None
    if is_new:
        person = Person.objects.create_user(email, password=None, full_name=name)
        EmailAddress.objects.create(user=person, email=email, primary=True, verified=False)
    try:
        assignment = role_grant(
            person=person,
            role=Role.PARTNER,
            organisation=organisation,
            is_org_admin=is_admin,
            title=title,
            granted_by=by,
        )
    except ValidationError as error:
        raise ProgrammeError(" ".join(error.messages)) from None
    email_queue_templated(
        to=email,
        template="partners_invitation",
        context={
            "person": person,
            "organisation": organisation,
            "is_new": is_new,
            "link": invitation_link(person) if is_new else reverse("account_login"),
        },
        language=person.language,
        key=f"partner-invite:{assignment.pk}",
    )
    return assignment


@transaction.atomic
def colleague_remove(*, assignment: RoleAssignment, by) -> RoleAssignment:
    if assignment.person_id == by.pk:
        raise ProgrammeError(_("You cannot remove yourself."))
    return role_end(assignment=assignment, ended_by=by)


def _tell_applicant(application, what: str) -> None:
    contact = application.contacts.first()
    if contact is None:
        return
    email_queue_templated(
        to=contact.email,
        template="partners_application",
        context={"application": application, "contact": contact, "what": what},
        key=f"partner-application:{application.pk}:{what}:{timezone.now():%Y%m%d%H%M%S%f}",
    )

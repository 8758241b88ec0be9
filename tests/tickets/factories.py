"""Builders for ticket tests: a support desk with its calendar and SLA, customers, tickets."""

from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from core.access import policies
from core.access.roles import Duty, Role
from core.calendars.services import calendar_ensure
from core.demo.files import png_bytes, simple_pdf
from core.people.models import RoleAssignment
from core.tickets.models import Queue, SLAPolicy
from core.tickets.services import ticket_create
from core.uploads.validation import validate_upload
from tests.factories import OrganisationFactory, person_with

OFFICE = {day: ((time(9), time(17)),) for day in range(5)}


@dataclass
class Desk:
    queue: Queue
    agent: object
    other_agent: object
    calendar: object


def support_desk(*, slug="support", role=Role.CUSTOMER, group=Duty.AGENT.value, clock="business"):
    """A queue taking `role`'s tickets, worked by `group`, with SLA policies for every priority:
    first response 4 h, resolution 16 h."""
    calendar = calendar_ensure(name=f"Office {slug}", time_zone="Asia/Jakarta", week=OFFICE)
    queue = Queue.objects.create(name=slug.title(), slug=slug, intake_role=role)
    staff_group, _ = Group.objects.get_or_create(name=group)
    queue.agent_groups.add(staff_group)
    for priority in ("low", "normal", "high", "urgent"):
        SLAPolicy.objects.create(
            queue=queue,
            priority=priority,
            first_response_hours=Decimal(4),
            resolution_hours=Decimal(16),
            clock=clock,
            calendar=calendar,
        )
    agent = person_with(Role.EMPLOYEE)
    agent.groups.add(staff_group)
    other = person_with(Role.EMPLOYEE)
    other.groups.add(staff_group)
    return Desk(queue, agent, other, calendar)


def customer(organisation=None, *, admin=False, **fields):
    organisation = organisation or OrganisationFactory()
    return person_with(Role.CUSTOMER, organisation=organisation, admin=admin, **fields)


def hat(person, role=Role.CUSTOMER) -> RoleAssignment:
    policies.forget_cached_access(person)
    return RoleAssignment.objects.current().filter(person=person, role=role).first()


def png_upload(name="screen.png"):
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def pdf_upload(name="report.pdf"):
    return SimpleUploadedFile(name, simple_pdf("Report", ["x"]), content_type="application/pdf")


def open_ticket(person, *, subject="Scanner logs out", files=(), at=None, **kwargs):
    return ticket_create(
        requester=person,
        role_assignment=kwargs.pop("role_assignment", None) or hat(person),
        subject=subject,
        description=kwargs.pop("description", "It happens every few minutes."),
        attachments=[validate_upload(f) for f in files],
        at=at,
        **kwargs,
    )

"""One portal's requester screens: its settings, the ticket lookups and the ticket page's context.

The views themselves are in read.py and write.py; both extend this base, and urls.py puts them
together. The ticket page's context lives here because both sides render that page: the read
side to show it, the write side to show it again with a form's errors.
"""

from dataclasses import dataclass, field

from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.access import tickets as ticket_access
from core.access.roles import PORTALS, Role

from .. import answers, lifecycle, threads
from ..forms import InviteContactForm, RatingForm, ReplyForm
from ..lifecycle import Side, Status
from ..models import Queue, Ticket
from .texts import RequesterTexts


@dataclass(frozen=True)
class ScreensBase:
    role: Role
    queue: str | None = None  # slug of the queue new requests go to; None: the intake rules
    texts: RequesterTexts = field(default_factory=RequesterTexts)
    product_areas: bool = True  # ask which product the request is about
    on_behalf: bool = False  # partners: ask for an end customer and invite its contact

    @property
    def ns(self) -> str:
        return PORTALS[self.role].namespace

    def name(self, view: str) -> str:
        return f"{self.ns}:{view}"

    def names(self) -> dict[str, str]:
        views = ("tickets", "ticket-new", "ticket-suggestions", "ticket-detail")
        views += ("ticket-reply", "ticket-status", "ticket-rate", "ticket-file")
        if self.on_behalf:
            views += ("ticket-invite",)
        return {view.replace("-", "_"): self.name(view) for view in views}

    def context(self, **extra) -> dict:
        return {
            "names": self.names(),
            "texts": self.texts,
            "portal_role": self.role.value,
            **extra,
        }

    def tickets(self, person):
        return Ticket.objects.visible_on_portal(person, self.role)

    def get_ticket(self, request, reference: str) -> Ticket:
        return get_object_or_404(
            # Nine joined tables took PostgreSQL 5.5 ms to plan (its join search grows
            # exponentially); the optional rows come in small queries of their own instead.
            self.tickets(request.user)
            .select_related("assignee", "requester", "queue", "answer_page")
            .prefetch_related("organisation", "on_behalf_of", "category", "product_area"),
            reference=reference,
        )

    def target_queue(self, category) -> Queue | None:
        """The portal's queue, unless the chosen category routes elsewhere."""
        if self.queue is None or (category is not None and category.queue_id):
            return None
        return Queue.objects.filter(slug=self.queue, is_active=True).first()

    def detail_context(
        self, request, ticket: Ticket, *, whole_thread: bool = False, **forms
    ) -> dict:
        now = timezone.now()
        decides = ticket_access.decides_as_requester(ticket, self.role)
        invitations = list(ticket.invitations.all()) if ticket.on_behalf_of_id else []
        may_invite = self.on_behalf and ticket_access.may_invite_contact(request.user, ticket)
        return self.context(
            ticket=ticket,
            invitations=invitations,
            may_invite=may_invite,
            invite_form=(forms.get("invite_form") or InviteContactForm()) if may_invite else None,
            invited_view=not decides,
            answer=answers.readable_answer(ticket, request.user),
            thread=threads.rendered_thread(
                ticket,
                internal=False,
                whole=whole_thread,
                file_url_name=self.name("ticket-file"),
                contact_emails=[invitation.email for invitation in invitations],
            ),
            reply_form=forms.get("reply_form") or ReplyForm(),
            rating_form=forms.get("rating_form")
            or RatingForm(
                initial={
                    "rating": ticket.satisfaction_rating,
                    "comment": ticket.satisfaction_comment,
                }
            ),
            may_close=decides
            and Status.CLOSED in lifecycle.allowed_targets(ticket, side=Side.REQUESTER, at=now),
            may_reopen=decides and lifecycle.may_reopen(ticket, side=Side.REQUESTER, at=now),
            reopen_deadline=lifecycle.reopen_deadline(ticket),
            may_reply=ticket.status != Status.CLOSED,
            may_rate=decides and ticket.status in lifecycle.DONE,
        )

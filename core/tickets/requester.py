"""The requester's ticket screens, shared by every portal that takes requests.

Each portal mounts them with its own role (and, optionally, the queue its requests go to) in
its urls.py, like the learning screens (core/learning/views.py)::

    path("tickets/", include(requester_urlpatterns(Role.CUSTOMER))),
    path("requests/", include(requester_urlpatterns(Role.INVESTOR, queue="investor-relations",
                                                    texts=INVESTOR_TEXTS))),

The engine is one, the screens are per portal: what a person sees in a portal is the tickets
they asked wearing that portal's hat. Every ticket is looked up through the access module's
scoped queryset; one the person may not see answers 404.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.access import partners as partner_access
from core.access import policies
from core.access import tickets as ticket_access
from core.access.guards import portal_required
from core.access.roles import PORTALS, Role
from core.pagination import CappedPaginator
from core.params import search_text
from core.people.models.person import normalise_email

from . import answers, deflection, lifecycle, selectors
from .forms import InviteContactForm, RatingForm, ReplyForm, TicketForm
from .lifecycle import Side, Status
from .models import Queue, Ticket
from .services import ticket_change_status, ticket_create, ticket_rate, ticket_reply
from .services.invitations import ticket_invite_contact

PAGE_SIZE = 20
INVITED = gettext_lazy(
    "We e-mailed %(email)s: they can follow the ticket and reply in the customer portal once "
    "their account has access for the customer."
)
ALREADY_INVITED = gettext_lazy("%(email)s is already invited to this ticket.")
NOT_YOURS = gettext_lazy("The partner who asked closes, reopens and rates this ticket.")
STATUS_FILTERS = [("active", gettext_lazy("Active")), *Status.choices, ("all", gettext_lazy("All"))]


@dataclass(frozen=True)
class RequesterTexts:
    """What a portal calls its tickets (the customer portal's words are the default)."""

    title: Promise | str = gettext_lazy("Tickets")
    heading: Promise | str = gettext_lazy("Your tickets")
    heading_organisation: Promise | str = gettext_lazy("Your organisation's tickets")
    lead: Promise | str = gettext_lazy("Follow your requests, reply and see what our team did.")
    new: Promise | str = gettext_lazy("Ask for help")
    new_lead: Promise | str = gettext_lazy(
        "Tell us what is happening. We reply by e-mail and on the ticket page."
    )
    send: Promise | str = gettext_lazy("Send ticket")
    empty: Promise | str = gettext_lazy("No open tickets. Everything is working, we hope!")
    created: Promise | str = gettext_lazy("Thank you. Your ticket %(reference)s is with our team.")
    team: Promise | str = gettext_lazy("Our support team")


INVESTOR_TEXTS = RequesterTexts(
    title=gettext_lazy("Information requests"),
    heading=gettext_lazy("Your information requests"),
    heading_organisation=gettext_lazy("Your organisation's information requests"),
    lead=gettext_lazy("Questions to investor relations, their answers and your feedback."),
    new=gettext_lazy("Ask investor relations"),
    new_lead=gettext_lazy(
        "Ask for information or send feedback. Investor relations answers by e-mail and here."
    ),
    send=gettext_lazy("Send request"),
    empty=gettext_lazy("You have no open information requests."),
    created=gettext_lazy("Thank you. Your request %(reference)s is with investor relations."),
    team=gettext_lazy("Investor relations"),
)
PARTNER_TEXTS = RequesterTexts(
    title=gettext_lazy("Support"),
    heading=gettext_lazy("Your support requests"),
    heading_organisation=gettext_lazy("Your firm's support requests"),
    lead=gettext_lazy("Questions to the partner desk: follow them, reply and see the answers."),
    new=gettext_lazy("Ask the partner desk"),
    send=gettext_lazy("Send request"),
    empty=gettext_lazy("No open support requests."),
    created=gettext_lazy("Thank you. Your request %(reference)s is with the partner desk."),
    team=gettext_lazy("The partner desk"),
)
TEXTS_FOR_ROLE = {Role.INVESTOR: INVESTOR_TEXTS, Role.PARTNER: PARTNER_TEXTS}


@dataclass(frozen=True)
class RequesterScreens:
    role: Role
    queue: str | None = None  # slug of the queue new requests go to; None: the intake rules
    texts: RequesterTexts = field(default_factory=RequesterTexts)
    product_areas: bool = True  # ask which product the request is about
    on_behalf: bool = False  # partners: ask for an end customer and invite its contact

    # --- helpers -------------------------------------------------------------------------
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
            self.tickets(request.user).select_related(
                "assignee",
                "requester",
                "queue",
                "category",
                "product_area",
                "answer_page",
                "organisation",
                "on_behalf_of",
            ),
            reference=reference,
        )

    def target_queue(self, category) -> Queue | None:
        """The portal's queue, unless the chosen category routes elsewhere."""
        if self.queue is None or (category is not None and category.queue_id):
            return None
        return Queue.objects.filter(slug=self.queue, is_active=True).first()

    # --- views ---------------------------------------------------------------------------
    def ticket_list(self, request):
        is_admin = any(a.is_org_admin for a in policies.assignments_for(request.user, self.role))
        scope = request.GET.get("scope", "mine")
        scope = scope if scope == "organisation" and is_admin else "mine"
        status = request.GET.get("status", "active")
        query = search_text(request)
        tickets = selectors.requester_tickets(
            request.user, self.role, scope=scope, status=status, query=query
        ).select_related("organisation")
        page = CappedPaginator(tickets, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "tickets/requester/list.html",
            self.context(
                page_obj=page,
                tickets=page.object_list,
                scope=scope,
                status=status,
                query=query,
                is_admin=is_admin,
                status_filters=STATUS_FILTERS,
            ),
        )

    def ticket_new(self, request):
        assignments = policies.assignments_for(request.user, self.role)
        form = TicketForm(
            request.POST or None,
            request.FILES or None,
            assignments=assignments,
            portal=self.role,
            product_areas=self.product_areas,
            end_customers=partner_access.end_customers(request.user) if self.on_behalf else None,
        )
        suggestions = []
        if request.method == "POST":
            checking = "check" in request.POST
            if checking:
                suggestions = deflection.suggest(request.user, request.POST.get("subject", ""))
            elif form.is_valid():
                data = form.cleaned_data
                category = data.get("category")
                try:
                    ticket = ticket_create(
                        requester=request.user,
                        role_assignment=data["assignment"],
                        subject=data["subject"],
                        description=data["description"],
                        priority=data["priority"],
                        category=category,
                        product_area=data.get("product_area"),
                        attachments=data["attachments"],
                        queue=self.target_queue(category),
                        on_behalf_of=form.end_customer() if self.on_behalf else None,
                        contact_email=data.get("contact_email", ""),
                        request=request,
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(
                        request, str(self.texts.created) % {"reference": ticket.reference}
                    )
                    if data.get("contact_email"):
                        messages.info(request, str(INVITED) % {"email": data["contact_email"]})
                    return redirect(self.name("ticket-detail"), ticket.reference)
        status = 400 if request.method == "POST" and form.errors else 200
        return render(
            request,
            "tickets/requester/new.html",
            self.context(
                form=form,
                suggestions=suggestions,
                checked=request.method == "POST" and "check" in request.POST,
                deflection_on=deflection.has_providers(),
            ),
            status=status,
        )

    def ticket_suggestions(self, request):
        """The htmx fragment the new-ticket form asks for while the subject is typed."""
        suggestions = deflection.suggest(request.user, request.GET.get("subject", ""))
        return render(request, "tickets/requester/_suggestions.html", {"suggestions": suggestions})

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
            contact_emails=[invitation.email for invitation in invitations],
            invited_view=not decides,
            answer=answers.readable_answer(ticket, request.user),
            timeline=selectors.timeline(ticket, internal=False, whole=whole_thread),
            opening_files=list(selectors.opening_attachments(ticket).filter(is_internal=False)),
            file_url_name=self.name("ticket-file"),
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

    def ticket_detail(self, request, reference: str):
        ticket = self.get_ticket(request, reference)
        whole_thread = request.GET.get("thread") == "all"
        context = self.detail_context(request, ticket, whole_thread=whole_thread)
        return render(request, "tickets/requester/detail.html", context)

    def ticket_reply(self, request, reference: str):
        ticket = self.get_ticket(request, reference)
        form = ReplyForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                ticket_reply(
                    ticket=ticket,
                    author=request.user,
                    side=Side.REQUESTER,
                    body=form.cleaned_data["body"],
                    attachments=form.cleaned_data["attachments"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your reply is sent."))
                return redirect(self.name("ticket-detail"), ticket.reference)
        context = self.detail_context(request, ticket, reply_form=form)
        return render(request, "tickets/requester/detail.html", context, status=400)

    def ticket_status(self, request, reference: str):
        ticket = self.get_ticket(request, reference)
        target = {"close": Status.CLOSED, "reopen": Status.OPEN}.get(request.POST.get("action"))
        if not ticket_access.decides_as_requester(ticket, self.role):
            messages.error(request, NOT_YOURS)
            return redirect(self.name("ticket-detail"), ticket.reference)
        if target is None:
            messages.error(request, _("Choose to close or reopen the ticket."))
            return redirect(self.name("ticket-detail"), ticket.reference)
        try:
            ticket_change_status(
                ticket=ticket, to=target, by=request.user, side=Side.REQUESTER, request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            done = (
                _("The ticket is closed.")
                if target == Status.CLOSED
                else _("The ticket is open again.")
            )
            messages.success(request, done)
        return redirect(self.name("ticket-detail"), ticket.reference)

    def ticket_rate(self, request, reference: str):
        ticket = self.get_ticket(request, reference)
        if not ticket_access.decides_as_requester(ticket, self.role):
            messages.error(request, NOT_YOURS)
            return redirect(self.name("ticket-detail"), ticket.reference)
        form = RatingForm(request.POST)
        if form.is_valid():
            try:
                ticket_rate(
                    ticket=ticket,
                    by=request.user,
                    rating=form.cleaned_data["rating"],
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you for rating our help."))
                return redirect(self.name("ticket-detail"), ticket.reference)
        context = self.detail_context(request, ticket, rating_form=form)
        return render(request, "tickets/requester/detail.html", context, status=400)

    def ticket_invite(self, request, reference: str):
        """The partner's side names another contact of the end customer (partners only). A
        ticket the person may not see, or may not invite on, answers 404."""
        ticket = self.get_ticket(request, reference)
        if not ticket_access.may_invite_contact(request.user, ticket):
            raise Http404
        form = InviteContactForm(request.POST)
        if form.is_valid():
            email = normalise_email(form.cleaned_data["email"])
            if ticket.invitations.filter(email=email).exists():
                messages.info(request, str(ALREADY_INVITED) % {"email": email})
                return redirect(self.name("ticket-detail"), ticket.reference)
            try:
                invitation = ticket_invite_contact(ticket=ticket, email=email, by=request.user)
            except ValidationError as error:
                form.add_error("email", error)
            else:
                messages.success(request, str(INVITED) % {"email": invitation.email})
                return redirect(self.name("ticket-detail"), ticket.reference)
        context = self.detail_context(request, ticket, invite_form=form)
        return render(request, "tickets/requester/detail.html", context, status=400)

    def ticket_file(self, request, reference: str, file_id: int):
        """A public attachment of a ticket the person may see; internal files do not exist."""
        from core.uploads.responses import private_file_response

        ticket = self.get_ticket(request, reference)
        attachment = get_object_or_404(ticket.attachments.filter(is_internal=False), pk=file_id)
        return private_file_response(attachment, download="download" in request.GET)

    # --- URLs ----------------------------------------------------------------------------
    def urlpatterns(self) -> list:
        guard = portal_required(self.role)

        def get(view):
            return guard(require_GET(view))

        def post(view):
            return guard(require_POST(view))

        return [
            path("", get(self.ticket_list), name="tickets"),
            path("new/", guard(self.ticket_new), name="ticket-new"),
            path("suggestions/", get(self.ticket_suggestions), name="ticket-suggestions"),
            path("<str:reference>/", get(self.ticket_detail), name="ticket-detail"),
            path("<str:reference>/reply/", post(self.ticket_reply), name="ticket-reply"),
            path("<str:reference>/status/", post(self.ticket_status), name="ticket-status"),
            path("<str:reference>/rating/", post(self.ticket_rate), name="ticket-rate"),
            *(
                [path("<str:reference>/invite/", post(self.ticket_invite), name="ticket-invite")]
                if self.on_behalf
                else []
            ),
            path(
                "<str:reference>/files/<int:file_id>/",
                get(self.ticket_file),
                name="ticket-file",
            ),
        ]


def requester_urlpatterns(
    role: Role,
    *,
    queue: str | None = None,
    texts: RequesterTexts | None = None,
    product_areas: bool | None = None,
    on_behalf: bool = False,
) -> list:
    """The requester's ticket URLs for one portal; the portal includes them at its prefix.
    Texts default to the portal's own words; investors are not asked for a product.
    `on_behalf`: the form offers the end customers the person's firm serves (partners)."""
    return RequesterScreens(
        role,
        queue=queue,
        texts=texts or TEXTS_FOR_ROLE.get(role, RequesterTexts()),
        product_areas=role != Role.INVESTOR if product_areas is None else product_areas,
        on_behalf=on_behalf,
    ).urlpatterns()

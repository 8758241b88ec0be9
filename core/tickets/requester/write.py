"""The requester's write screens: opening a ticket, replying, closing or reopening, rating, and
(partners only) inviting another contact of the end customer. A form with errors shows its
page again with status 400 and what was typed."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access import partners as partner_access
from core.access import policies
from core.access import tickets as ticket_access
from core.people.models.person import normalise_email

from .. import deflection
from ..forms import InviteContactForm, RatingForm, ReplyForm, TicketForm
from ..lifecycle import Side, Status
from ..services import ticket_change_status, ticket_create, ticket_rate, ticket_reply
from ..services.invitations import ticket_invite_contact
from .screens import ScreensBase

INVITED = gettext_lazy(
    "We e-mailed %(email)s: they can follow the ticket and reply in the customer portal once "
    "their account has access for the customer."
)
ALREADY_INVITED = gettext_lazy("%(email)s is already invited to this ticket.")
NOT_YOURS = gettext_lazy("The partner who asked closes, reopens and rates this ticket.")


class WriteViews(ScreensBase):
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

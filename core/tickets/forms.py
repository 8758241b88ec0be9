"""The requester's ticket forms, shared by every portal's ticket screens."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.uploads.forms import MultipleFileField

from .form_choices import active_categories, category_choices
from .models import Category, Priority, ProductArea

PRIORITY_HELP = _(
    "Urgent: your operations are down. High: a key feature fails. Normal: something is wrong "
    "or a question. Low: a suggestion or no hurry."
)


def attachments_field() -> MultipleFileField:
    return MultipleFileField(
        label=_("Attach files"), max_files=settings.TICKETS_MAX_ATTACHMENTS, required=False
    )


class TicketForm(forms.Form):
    assignment = forms.TypedChoiceField(label=_("On behalf of"), coerce=int)
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        help_text=_("One line: what is wrong or what you need."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, what you expected, and the steps to see it."),
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False
    )
    product_area = forms.ModelChoiceField(
        label=_("Product or area"), queryset=ProductArea.objects.none(), required=False
    )
    priority = forms.ChoiceField(
        label=_("Priority"),
        choices=Priority.choices,
        initial=Priority.NORMAL,
        help_text=PRIORITY_HELP,
    )

    def __init__(
        self,
        *args,
        assignments,
        portal,
        product_areas: bool = True,
        end_customers=None,
        **kwargs,
    ):
        """`end_customers`: (customer account id, firm id, name) rows a partner may ask on
        behalf of (core.access.partners.end_customers); None: the portal does not offer it."""
        super().__init__(*args, **kwargs)
        self.assignments = {a.pk: a for a in assignments}
        self.fields["assignment"].choices = [
            (a.pk, str(a.organisation or _("Individual"))) for a in assignments
        ]
        if len(assignments) == 1:
            self.fields["assignment"].widget = forms.HiddenInput()
            self.fields["assignment"].initial = assignments[0].pk
        if category_choices(portal):  # the cached list: whether the portal offers any
            self.fields["category"].queryset = active_categories(portal)
        else:
            del self.fields["category"]
        if product_areas:
            self.fields["product_area"].queryset = ProductArea.objects.filter(is_active=True)
        else:
            del self.fields["product_area"]
        self.fields["attachments"] = attachments_field()
        if end_customers is not None:
            self._add_end_customer_fields(end_customers, several_firms=len(assignments) > 1)

    def _add_end_customer_fields(self, end_customers, *, several_firms: bool) -> None:
        self.end_customers = {(customer, firm): name for customer, firm, name in end_customers}
        firms = {a.organisation_id: a.organisation for a in self.assignments.values()}
        choices = [("", _("Our firm: no end customer"))]
        for (customer, firm), name in self.end_customers.items():
            label = f"{name} ({firms[firm]})" if several_firms and firm in firms else name
            choices.append((f"{customer}:{firm}", label))
        self.fields["on_behalf_of"] = forms.ChoiceField(
            label=_("End customer"),
            choices=choices,
            required=False,
            help_text=_(
                "The customers of your firm's approved and won deal registrations. Ask on "
                "their behalf and the team sees whom it is for."
            ),
        )
        self.fields["contact_email"] = forms.EmailField(
            label=_("Customer contact's e-mail"),
            required=False,
            help_text=_(
                "We invite them to follow the ticket and reply in the customer portal (they "
                "need an account with access for their organisation; internal notes stay "
                "hidden)."
            ),
        )

    def clean_assignment(self):
        value = self.cleaned_data["assignment"]
        if value not in self.assignments:
            raise forms.ValidationError(_("Choose one of your organisations."))
        return self.assignments[value]

    def clean_on_behalf_of(self):
        """The chosen customer account's id and the firm that serves it, or None. (The choice
        field has refused anything but one of the "customer:firm" values offered.)"""
        value = self.cleaned_data.get("on_behalf_of") or ""
        if not value:
            return None
        customer, firm = (int(part) for part in value.split(":"))
        return customer, firm

    def clean(self):
        cleaned = super().clean()
        behalf = cleaned.get("on_behalf_of")
        assignment = cleaned.get("assignment")
        if behalf and assignment and behalf[1] != assignment.organisation_id:
            self.add_error(
                "on_behalf_of", _("This end customer is served by another of your firms.")
            )
        if cleaned.get("contact_email") and not behalf and "on_behalf_of" not in self.errors:
            self.add_error("contact_email", _("Choose the end customer whose contact you invite."))
        return cleaned

    def end_customer(self):
        """The chosen end customer as an organisation (None for the firm's own question)."""
        from core.orgs.models import Organisation

        behalf = self.cleaned_data.get("on_behalf_of")
        return Organisation.objects.get(pk=behalf[0]) if behalf else None


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"] = attachments_field()

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("body") or "").strip() and not cleaned.get("attachments"):
            if not self.errors:
                raise forms.ValidationError(_("Write a message or attach a file."))
        return cleaned


class InviteContactForm(forms.Form):
    email = forms.EmailField(
        label=_("Customer contact's e-mail"),
        help_text=_(
            "We invite them to follow the ticket and reply in the customer portal (they "
            "need an account with access for their organisation; internal notes stay "
            "hidden)."
        ),
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How well did we solve it?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 6)],
        widget=forms.RadioSelect,
        help_text=_("1: not at all, 5: very well."),
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

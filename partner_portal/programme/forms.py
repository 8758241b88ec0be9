from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelMultipleChoiceField
from core.partners.models import Product
from core.partners.services.deals import DealData
from core.uploads.forms import MultipleFileField

CURRENCIES = [("USD", "USD"), ("IDR", "IDR"), ("SGD", "SGD"), ("AUD", "AUD")]


class DealForm(forms.Form):
    title = forms.CharField(label=_("Opportunity"), max_length=200)
    customer_company = forms.CharField(label=_("End customer (company)"), max_length=200)
    customer_domain = forms.CharField(
        label=_("End customer's web or e-mail domain"),
        max_length=253,
        required=False,
        help_text=_("e.g. majubersama.co.id; taken from the contact's e-mail when left empty."),
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=150)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    products = ModelMultipleChoiceField(
        label=_("Products"),
        queryset=Product.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )
    value = forms.DecimalField(
        label=_("Estimated value"), max_digits=14, decimal_places=2, min_value=Decimal("0")
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCIES)
    expected_close = forms.DateField(
        label=_("Expected close"), widget=forms.DateInput(attrs={"type": "date"})
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )

    def __init__(self, *args, firms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.firms = list(firms)
        if len(self.firms) > 1:
            self.fields["partner"] = forms.TypedChoiceField(
                label=_("For firm"), choices=[(f.pk, f.name) for f in self.firms], coerce=int
            )
            self.order_fields(["partner"])

    def clean_customer_company(self):
        from core.partners.normalise import company_key

        value = self.cleaned_data["customer_company"].strip()
        if not company_key(value):
            raise forms.ValidationError(_("Enter the end customer's company name."))
        return value

    def firm(self):
        if len(self.firms) == 1:
            return self.firms[0]
        chosen = self.cleaned_data.get("partner")
        return next(f for f in self.firms if f.pk == chosen)

    def deal_data(self) -> DealData:
        data = self.cleaned_data
        return DealData(
            title=data["title"],
            customer_company=data["customer_company"],
            customer_domain=data["customer_domain"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            contact_phone=data["contact_phone"],
            products=list(data["products"]),
            value=data["value"],
            currency=data["currency"],
            expected_close=data["expected_close"],
            notes=data["notes"],
        )

    @classmethod
    def initial_from(cls, deal) -> dict:
        from core.partners.services.deals import FIELDS

        initial = {name: getattr(deal, name) for name in FIELDS}
        initial["products"] = list(deal.lines.values_list("product_id", flat=True))
        return initial


class FundRequestForm(forms.Form):
    budget = forms.ModelChoiceField(label=_("Budget"), queryset=None)
    activity = forms.CharField(label=_("Activity"), max_length=200)
    planned_cost = forms.DecimalField(
        label=_("Planned cost"), max_digits=14, decimal_places=2, min_value=Decimal("0.01")
    )
    expected_outcome = forms.CharField(
        label=_("Expected outcome"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args, budgets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["budget"].queryset = budgets


class ClaimForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount spent"), max_digits=14, decimal_places=2, min_value=Decimal("0.01")
    )
    notes = forms.CharField(
        label=_("What happened (outcome)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    proofs = MultipleFileField(
        label=_("Proof of performance"),
        help_text=_("Photos, invoices, attendee lists (PDF, images, Office files)."),
    )


class InviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    is_admin = forms.BooleanField(label=_("Partner admin (may manage the team)"), required=False)

    def __init__(self, *args, firms=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.firms = list(firms)
        if len(self.firms) > 1:
            self.fields["firm"] = forms.TypedChoiceField(
                label=_("Firm"), choices=[(f.pk, f.name) for f in self.firms], coerce=int
            )

    def firm(self):
        if len(self.firms) == 1:
            return self.firms[0]
        return next(f for f in self.firms if f.pk == self.cleaned_data.get("firm"))


class LeadAcceptForm(forms.Form):
    next_step = forms.CharField(label=_("Next step"), max_length=200)
    expected_revenue = forms.DecimalField(
        label=_("Expected revenue"), max_digits=14, decimal_places=2, min_value=Decimal("0")
    )


class LeadDeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why not?"), max_length=2000)

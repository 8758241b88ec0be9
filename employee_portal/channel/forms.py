from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.orgs.models import PartnerTier
from core.partners.lifecycle import DealStatus
from core.partners.models import Lead


class DealDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (DealStatus.APPROVED, _("Approve (grants protection)")),
            (DealStatus.MORE_INFO, _("Ask for more information")),
            (DealStatus.REJECTED, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason or question (needed unless approving)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("Extend protection by (days)"), min_value=1, max_value=365)


class ApplicationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approved", _("Approve at a tier")),
            ("more_info", _("Ask for more information")),
            ("rejected", _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    tier = forms.ModelChoiceField(
        label=_("Tier"), queryset=PartnerTier.objects.all(), required=False
    )
    note = forms.CharField(
        label=_("Reason or question (needed unless approving)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class FundDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    amount = forms.DecimalField(
        label=_("Approved amount (empty: the planned cost)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0.01"),
    )
    note = forms.CharField(label=_("Note (needed to reject)"), required=False, max_length=2000)


class LeadForm(forms.ModelForm):
    class Meta:
        model = Lead
        fields = [
            "company",
            "contact_name",
            "contact_email",
            "country",
            "territory",
            "specialisation",
            "estimated_value",
            "currency",
            "description",
            "claimable",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_country(self):
        value = self.cleaned_data["country"].strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise forms.ValidationError(_("Use the two-letter country code, e.g. ID or SG."))
        return value

    def clean_estimated_value(self):
        value = self.cleaned_data["estimated_value"]
        if value is not None and value < 0:
            raise forms.ValidationError(_("Enter zero or more."))
        return value

from django import forms
from django.utils.translation import gettext_lazy as _

from core.partners.models import PartnerApplication


class ApplicationForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contact_name = forms.CharField(label=_("Your name"), max_length=150)
    contact_email = forms.EmailField(label=_("Your e-mail"))
    contact_title = forms.CharField(label=_("Your job title"), max_length=120, required=False)
    colleague_name = forms.CharField(label=_("A colleague's name"), max_length=150, required=False)
    colleague_email = forms.EmailField(label=_("A colleague's e-mail"), required=False)
    agreement = forms.BooleanField(
        label=_("I have read and accept the partner programme agreement on behalf of my firm.")
    )

    class Meta:
        model = PartnerApplication
        fields = [
            "company",
            "country",
            "city",
            "territory",
            "website",
            "specialisations",
            "message",
        ]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def clean_country(self):
        value = self.cleaned_data["country"].strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise forms.ValidationError(_("Use the two-letter country code, e.g. ID or SG."))
        return value

    def clean(self):
        data = super().clean()
        if bool(data.get("colleague_name")) != bool(data.get("colleague_email")):
            self.add_error("colleague_email", _("Give both the colleague's name and e-mail."))
        return data

    def contacts(self) -> list[dict]:
        data = self.cleaned_data
        contacts = [
            {
                "name": data["contact_name"],
                "email": data["contact_email"],
                "title": data["contact_title"],
                "is_admin": True,
            }
        ]
        if data.get("colleague_email"):
            contacts.append(
                {
                    "name": data["colleague_name"],
                    "email": data["colleague_email"],
                    "is_admin": False,
                }
            )
        return contacts

    def application_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class MoreInfoForm(forms.Form):
    message = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )

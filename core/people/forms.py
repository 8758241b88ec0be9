from django import forms
from django.utils.translation import gettext_lazy as _

from core.access.roles import Role

from .models import AccessRequest, Person


class SignupDetailsForm(forms.Form):
    """Extra fields on allauth's sign-up form (allauth calls `signup` after creating the person)."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "preferred_name", "language", "time_zone"]
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}


class AccessRequestForm(forms.ModelForm):
    role = forms.TypedChoiceField(choices=Role.choices, coerce=Role, widget=forms.HiddenInput)

    class Meta:
        model = AccessRequest
        fields = ["role", "organisation_name", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}
        labels = {"message": _("Anything we should know")}

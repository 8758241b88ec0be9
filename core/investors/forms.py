from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from core.uploads.validation import validate_upload

from .models import Topic


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    topics = forms.MultipleChoiceField(
        label=_("Send me"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[t.value for t in Topic],
        error_messages={"required": _("Choose at least one kind of news.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mails"), choices=settings.LANGUAGES, initial="en"
    )


class RegisterForm(forms.Form):
    agree = forms.BooleanField(
        label=_(
            "I confirm I am interested as an investor or analyst, and I agree that "
            "Samudra's investor relations may keep my details for that purpose."
        ),
    )


class HolderVerifyForm(forms.Form):
    reference = forms.CharField(
        label=_("Register or custodian reference"), max_length=80, required=False
    )
    verified = forms.TypedChoiceField(
        coerce=lambda v: v == "1", choices=[("1", _("Verified")), ("0", _("Not verified"))]
    )


class PublicationAdminForm(WagtailAdminModelForm):
    """The Wagtail form of a publication: the file is checked by its content (core/uploads),
    and its name, type, size and hash recorded with it."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded is None or not hasattr(uploaded, "content_type"):
            return uploaded  # unchanged
        self._checked = validate_upload(uploaded)  # ValidationError: shown on the field
        return uploaded

    def save(self, commit=True):
        checked = getattr(self, "_checked", None)
        if checked is not None:
            self.instance.original_name = checked.name
            self.instance.content_type = checked.content_type
            self.instance.size = checked.size
            self.instance.sha256 = checked.sha256
        return super().save(commit=commit)

"""Forms both sides of the programme use: the partner and the channel manager record a deal's
outcome the same way (the lifecycle decides who may)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CloseDealForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[("won", _("Won")), ("lost", _("Lost"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Note (needed when lost)"), required=False, max_length=2000)

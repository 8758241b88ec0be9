from django import forms

from .models import NotificationPreferences


class NotificationPreferencesForm(forms.ModelForm):
    prefix = "notify"

    class Meta:
        model = NotificationPreferences
        fields = ["ticket_updates_by_email"]

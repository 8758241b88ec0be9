from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.forms import CompactModelChoiceField, CompactSelect
from core.tickets import agents
from core.tickets.form_choices import (
    active_categories,
    active_queues,
    category_choices,
    queue_choices,
)
from core.tickets.lifecycle import Status
from core.tickets.models import Priority
from core.tickets.selectors import assignable_people
from core.uploads.forms import MultipleFileField


class AgentReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    internal = forms.BooleanField(
        label=_("Internal note (staff only: never shown to the requester or an invited contact)"),
        required=False,
    )
    then_status = forms.ChoiceField(
        label=_("Then set the status to"), required=False, widget=CompactSelect
    )

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["then_status"].choices = [("", _("Keep as it is"))] + [
            (status.value, status.label) for status in targets
        ]
        self.fields["attachments"] = MultipleFileField(
            label=_("Attach files"), max_files=settings.TICKETS_MAX_ATTACHMENTS
        )

    def clean(self):
        cleaned = super().clean()
        if (
            not self.errors
            and not (cleaned.get("body") or "").strip()
            and not cleaned.get("attachments")
        ):
            raise forms.ValidationError(_("Write a message or attach a file."))
        return cleaned


class TicketUpdateForm(forms.Form):
    # Every select of this busy page is written in one pass (CompactSelect).
    status = forms.ChoiceField(label=_("Status"), widget=CompactSelect)
    priority = forms.ChoiceField(
        label=_("Priority"), choices=Priority.choices, widget=CompactSelect
    )
    queue = CompactModelChoiceField(
        label=_("Queue"), queryset=None, label_field="name", empty_label=None
    )
    assignee = CompactModelChoiceField(
        label=_("Assigned to"),
        queryset=None,
        label_field="full_name",
        required=False,
        empty_label=_("Nobody"),
    )
    category = CompactModelChoiceField(
        label=_("Category"), queryset=None, label_field="name", required=False
    )

    def __init__(self, *args, ticket, targets, from_cache=False, **kwargs):
        """`from_cache`: a form only shown offers the lists (agents, queues, categories) from
        the shared cache; a posted form checks what was chosen against the database (its
        querysets, which the shown form does not even build: a millisecond of the page)."""
        initial = {
            "status": ticket.status,
            "priority": ticket.priority,
            "queue": ticket.queue_id,
            "assignee": ticket.assignee_id,
            "category": ticket.category_id,
        }
        super().__init__(*args, initial=initial, **kwargs)
        current = Status(ticket.status)
        self.fields["status"].choices = [(current.value, current.label)] + [
            (status.value, status.label) for status in targets
        ]
        if from_cache and not self.is_bound:
            self.fields["assignee"].offer(agents.assignable_choices(ticket.queue))
            self.fields["queue"].offer(queue_choices())
            self.fields["category"].offer(category_choices(ticket.portal))
        else:
            self.fields["queue"].queryset = active_queues()
            self.fields["assignee"].queryset = assignable_people(ticket.queue)
            self.fields["category"].queryset = active_categories(ticket.portal)


class BulkAssignForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(
        coerce=int, choices=(), error_messages={"required": _("Tick the tickets to assign first.")}
    )
    assignee = forms.CharField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any number may be posted; only tickets the agent may see are touched (views filter).
        self.fields["ids"].valid_value = lambda value: str(value).isdigit()

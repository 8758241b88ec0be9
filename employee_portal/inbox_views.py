"""The approvals inbox: every decision waiting for this employee, from every area."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core import approvals
from core.access.staff import staff_required


class DecisionForm(forms.Form):
    provider = forms.CharField(max_length=64)
    item = forms.CharField(max_length=64)
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@staff_required
def inbox(request):
    only = request.GET.get("type", "")
    box = approvals.inbox_for(request.user, only=only)
    return render(
        request,
        "employee_portal/inbox/inbox.html",
        {
            "inbox": box,
            "providers": [(p, box.counts.get(p.key, 0)) for p in approvals.providers()],
            "only": only,
        },
    )


@staff_required
@require_POST
def decide(request):
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That decision could not be read. Please try again."))
        return redirect("employee:inbox")
    data = form.cleaned_data
    approve = data["decision"] == "approve"
    provider = approvals.provider(data["provider"])
    reason = data["reason"].strip()
    if not approve and not reason:
        messages.error(request, _("Please give a reason when you reject something."))
        return redirect(reverse("employee:inbox") + f"?type={provider.key}")
    try:
        note = approvals.decide(
            request.user,
            provider_key=provider.key,
            item_id=data["item"],
            approve=approve,
            reason=reason,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied:
        messages.error(request, _("You may not decide this one."))
    else:
        messages.success(request, note)
    return redirect("employee:inbox")

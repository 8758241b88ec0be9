from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import policies
from core.notifications.forms import NotificationPreferencesForm
from core.notifications.preferences import preferences_for, preferences_update

from .forms import ProfileForm


@login_required
def profile(request):
    data = request.POST or None
    form = ProfileForm(data, instance=request.user)
    notify_form = NotificationPreferencesForm(data, instance=preferences_for(request.user))
    if request.method == "POST" and form.is_valid() and notify_form.is_valid():
        with transaction.atomic():
            form.save()
            preferences_update(person=request.user, **notify_form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("people:profile")
    assignments = request.user.role_assignments.select_related("organisation").order_by("-since")
    return render(
        request,
        "people/profile.html",
        {
            "form": form,
            "notify_form": notify_form,
            "assignments": assignments,
            "current_ids": {a.pk for a in policies.current_assignments(request.user)},
        },
    )

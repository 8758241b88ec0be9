from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.i18n import set_language as django_set_language

from core.access import policies
from core.notifications.forms import NotificationPreferencesForm
from core.notifications.preferences import preferences_for, preferences_update

from .forms import ProfileForm
from .models import Person


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


def set_language(request):
    """The language switch; for signed-in people it also changes their profile, which is
    what decides their language on every later visit and in their e-mails."""
    response = django_set_language(request)
    language = request.POST.get("language") if request.method == "POST" else None
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        Person.objects.filter(pk=request.user.pk).update(language=language)
    return response

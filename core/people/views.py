from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.access import policies

from .forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("people:profile")
    assignments = request.user.role_assignments.select_related("organisation").order_by("-since")
    return render(
        request,
        "people/profile.html",
        {
            "form": form,
            "assignments": assignments,
            "current_ids": {a.pk for a in policies.current_assignments(request.user)},
        },
    )

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.people.forms import AccessRequestForm
from core.people.services import access_request_create

from . import policies
from .roles import PORTALS


@login_required
def landing(request):
    """Where sign-in leads: straight into the only portal, or a choice between several."""
    portals = policies.portals_for(request.user)
    if len(portals) == 1:
        return redirect(portals[0].home_url_name)
    return redirect("access:portal-picker")


@login_required
def portal_picker(request):
    return render(
        request,
        "access/portal_picker.html",
        {
            "held_portals": policies.portals_for(request.user),
            "other_portals": [
                p for p in PORTALS.values() if not policies.holds_role(request.user, p.role)
            ],
        },
    )


@login_required
def mfa_required(request):
    """Explains why a second factor is needed, and remembers where to go once it is set up."""
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        request.session["after_mfa_setup"] = next_url
    if policies.has_mfa(request.user):
        return redirect(request.session.pop("after_mfa_setup", None) or "portal-landing")
    return render(request, "access/mfa_required.html")


@login_required
@require_POST
def access_request(request):
    form = AccessRequestForm(request.POST)
    if form.is_valid():
        access_request_create(
            person=request.user,
            role=form.cleaned_data["role"],
            organisation_name=form.cleaned_data["organisation_name"],
            message=form.cleaned_data["message"],
            request=request,
        )
        messages.success(request, _("Thank you. We will review your request and e-mail you."))
        return redirect("access:portal-picker")
    portal = PORTALS.get(form.cleaned_data.get("role"))
    if portal is None:
        return redirect("access:portal-picker")
    context = {"portal": portal, "form": form, "pending_request": None}
    return render(request, "access/no_access.html", context, status=400)

"""Turning an access decision into a response, for function and class-based views alike."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from core.people.forms import AccessRequestForm

from . import policies
from .roles import PORTALS, Duty, Portal, Role


def respond_to(request: HttpRequest, entry: policies.Entry, portal: Portal | None = None):
    """None when the request may go on; otherwise the response that stops it."""
    if entry is policies.Entry.ALLOWED:
        return None
    if entry is policies.Entry.SIGN_IN:
        return redirect_to_login(request.get_full_path())
    if entry is policies.Entry.SET_UP_MFA:
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('access:mfa-required')}?{query}")
    if entry is policies.Entry.NO_ROLE and portal is not None:
        return render_no_access(request, portal)
    raise Http404


def render_no_access(request: HttpRequest, portal: Portal) -> HttpResponse:
    pending = request.user.access_requests.filter(role=portal.role, status="pending").first()
    context = {
        "portal": portal,
        "pending_request": pending,
        "form": AccessRequestForm(initial={"role": portal.role}),
    }
    return render(request, "access/no_access.html", context, status=403)


def portal_required(role: Role):
    """Let a view run only for people who may enter the portal of `role`."""
    portal = PORTALS[role]

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refusal = respond_to(request, policies.portal_entry(request.user, portal), portal)
            if refusal is not None:
                return refusal
            request.portal = portal
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def duty_required(duty: Duty):
    """Staff screens for one duty; everyone else is told there is nothing here (404)."""
    portal = PORTALS[Role.EMPLOYEE]

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refusal = respond_to(request, policies.duty_entry(request.user, duty), portal)
            if refusal is not None:
                return refusal
            request.portal = portal
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class PortalRequiredMixin:
    """Class-based views: set `portal_role` (and `duty` for staff-only screens)."""

    portal_role: Role
    duty: Duty | None = None

    def dispatch(self, request, *args, **kwargs):
        portal = PORTALS[self.portal_role]
        if self.duty is not None:
            entry = policies.duty_entry(request.user, self.duty)
        else:
            entry = policies.portal_entry(request.user, portal)
        refusal = respond_to(request, entry, portal)
        if refusal is not None:
            return refusal
        request.portal = portal
        return super().dispatch(request, *args, **kwargs)

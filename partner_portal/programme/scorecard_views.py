"""The firm's scorecard: figures and an inline SVG chart, for each firm the person is at."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.access import policies
from core.access.guards import portal_required
from core.access.roles import Role
from core.partners.scorecard import scorecard_for


@portal_required(Role.PARTNER)
@require_GET
def scorecard(request):
    firms = policies.organisations_of(request.user, Role.PARTNER)
    cards = [scorecard_for(firm) for firm in firms]
    return render(request, "partner_portal/scorecard.html", {"cards": cards})

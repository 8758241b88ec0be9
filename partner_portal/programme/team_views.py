"""The firm's team: everyone sees their colleagues; partner admins invite and remove them."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import partners as access
from core.access import policies
from core.access.guards import portal_required
from core.access.roles import Role
from core.partners.services import programme as services
from core.people.models import RoleAssignment

from .forms import InviteForm

ROLE = Role.PARTNER


@portal_required(ROLE)
def team(request):
    firms = policies.organisations_of(request.user, ROLE)
    admin_of = access.admin_firms(request.user)
    form = InviteForm(request.POST or None, firms=admin_of)
    if request.method == "POST":
        if not admin_of:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.invite(
                    organisation=form.firm(),
                    email=data["email"],
                    name=data["name"],
                    title=data["title"],
                    is_admin=data["is_admin"],
                    by=request.user,
                )
            except services.ProgrammeError as error:
                form.add_error("email", error.message)
            else:
                messages.success(request, _("Invitation sent to %(email)s.") % data)
                return redirect("partner:team")
    colleagues = (
        RoleAssignment.objects.current()
        .filter(role=ROLE, organisation__in=firms)
        .select_related("person", "organisation")
        .order_by("organisation__name", "person__full_name")
    )
    return render(
        request,
        "partner_portal/team.html",
        {
            "colleagues": colleagues,
            "form": form if admin_of else None,
            "admin_firm_ids": {f.pk for f in admin_of},
        },
        status=400 if request.method == "POST" else 200,
    )


@portal_required(ROLE)
@require_POST
def team_remove(request, pk: int):
    admin_of = [f.pk for f in access.admin_firms(request.user)]
    assignment = get_object_or_404(
        RoleAssignment.objects.current().filter(role=ROLE, organisation_id__in=admin_of), pk=pk
    )
    try:
        services.colleague_remove(assignment=assignment, by=request.user)
    except services.ProgrammeError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("%(name)s no longer has access.") % {"name": assignment.person.full_name}
        )
    return redirect("partner:team")

"""The public "become a partner" application, and its status page (reached by the secret link
e-mailed to the applicant, so it needs no account)."""

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.partners.models import PartnerApplication
from core.partners.services import programme as services
from core.ratelimits import refuse_if_exhausted

from .apply_forms import ApplicationForm, MoreInfoForm


@require_http_methods(["GET", "POST"])
def apply(request):
    form = ApplicationForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and refuse_if_exhausted(request, form, action="partner_application")
    ):
        return render(request, "partner_portal/apply/form.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_submit(
                data=form.application_data(), contacts=form.contacts()
            )
        except services.ProgrammeError as error:
            form.add_error(None, error.message)
        else:
            return redirect("partner:application-status", application.token)
    return render(
        request,
        "partner_portal/apply/form.html",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
def application_status(request, token: str):
    application = get_object_or_404(PartnerApplication, token=token)
    waiting = application.status == PartnerApplication.Status.MORE_INFO
    form = MoreInfoForm(request.POST or None) if waiting else None
    if request.method == "POST":
        if form is None:
            return redirect("partner:application-status", token)
        if form.is_valid():
            services.application_resubmit(
                application=application, message=form.cleaned_data["message"]
            )
            return redirect("partner:application-status", token)
    return render(
        request,
        "partner_portal/apply/status.html",
        {"application": application, "form": form},
        status=400 if request.method == "POST" else 200,
    )

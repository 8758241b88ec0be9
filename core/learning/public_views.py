from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from core.access import policies
from core.access.roles import Role

from .models import Certificate
from .models.certificates import normalise_code


@login_required
def learning_home(request):
    """E-mails link here: employees go to their learning, partners to theirs."""
    if policies.holds_role(request.user, Role.EMPLOYEE):
        return redirect("employee:learning-dashboard")
    if policies.holds_role(request.user, Role.PARTNER):
        return redirect("partner:learning-dashboard")
    return redirect("access:portal-picker")


def verify(request):
    """A form to type a code from a certificate; it leads to the code's own page."""
    code = normalise_code(request.GET.get("code", ""))
    if code:
        return redirect("learning:verify-code", code=code)
    return render(request, "learning/verify.html", {"searched": "code" in request.GET})


@never_cache
def verify_code(request, code: str):
    """Anyone may check a certificate. Only what the certificate itself says is shown: the
    holder's name, the course, the dates and whether it is valid. An unknown code is a 404."""
    normalised = normalise_code(code)
    certificate = Certificate.objects.filter(code=normalised).first()
    if certificate is None:
        return render(
            request, "learning/verify.html", {"searched": True, "unknown": code}, status=404
        )
    if code != normalised:
        return redirect("learning:verify-code", code=normalised)
    return render(
        request,
        "learning/verify_result.html",
        {"certificate": certificate, "status": certificate.status()},
    )

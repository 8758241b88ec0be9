from django.conf import settings

from . import policies
from .guards import respond_to


class AdminMFAMiddleware:
    """The Wagtail and Django admins are ours only through their URL prefixes, so their gate
    sits here: non-staff get 404 and staff without a second factor are sent to set one up."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = (
            (settings.WAGTAIL_ADMIN_PREFIX, True),
            (settings.DJANGO_ADMIN_PREFIX, False),
        )

    def __call__(self, request):
        if request.user.is_authenticated:
            for prefix, is_wagtail in self.prefixes:
                if request.path.startswith(prefix):
                    entry = policies.admin_entry(request.user, wagtail=is_wagtail)
                    refusal = respond_to(request, entry)
                    if refusal is not None:
                        return refusal
                    break
        return self.get_response(request)

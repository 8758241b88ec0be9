"""Rate limits for the public forms that write rows or send e-mail to any address (alert
sign-ups, partner applications), counted like allauth's sign-in limits: in the shared cache,
with the rates in `ACCOUNT_RATE_LIMITS` under the form's action name."""

from allauth.core import ratelimit
from django.utils.translation import gettext as _


def refuse_if_exhausted(request, form, *, action: str, key: str = "") -> bool:
    """Count one use of `action`; when the rate is used up, put a form error (what was typed
    stays in the form) and return True, so the view answers 429 instead of acting."""
    if ratelimit.consume(request, action=action, key=key.lower() or None):
        return False
    form.add_error(None, _("Too many requests in a short time. Please try again later."))
    return True

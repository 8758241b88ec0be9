"""Sign-ins and failed attempts go to the audit log."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from core.audit.services import audit_record


@receiver(user_logged_in, dispatch_uid="people.audit_login")
def audit_login(sender, request, user, **kwargs):
    audit_record("auth.signed_in", actor=user, target=user, request=request)


@receiver(user_logged_out, dispatch_uid="people.audit_logout")
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record("auth.signed_out", actor=user, target=user, request=request)


@receiver(user_login_failed, dispatch_uid="people.audit_login_failed")
def audit_login_failed(sender, credentials, request=None, **kwargs):
    # Only the address typed is kept, never the password.
    attempted = str(credentials.get("email") or credentials.get("username") or "")[:254]
    audit_record("auth.sign_in_failed", request=request, changes={"email": attempted})

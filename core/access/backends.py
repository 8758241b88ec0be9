"""Sign-in and model permissions: allauth's backend, with a person's permissions read in one
query instead of Django's two (their own, then their groups'), and an employee's kept with
their access facts (core/access/facts.py), for the staff pages that ask `has_perm`."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.models import Permission

from . import facts


class AuthenticationBackend(AllauthBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                rows = Permission.objects.values_list("content_type__app_label", "codename")
                names = {f"{app_label}.{codename}" for app_label, codename in rows}
            else:
                kept = facts.facts_of(user_obj).permissions
                names = kept if kept is not None else facts.permission_names(user_obj)
            user_obj._perm_cache = set(names)
        return user_obj._perm_cache

"""Sign-in and model permissions: allauth's backend, with the session's person read from the
shared cache together with their access facts (core/access/facts.py), and a person's
permissions read in one query instead of Django's two (their own, then their groups'), an
employee's kept with those facts for the staff pages that ask `has_perm`."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth.models import Permission

from . import facts


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        person = facts.signed_in_person(user_id)
        return person if person is not None and self.user_can_authenticate(person) else None

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

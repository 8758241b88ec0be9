"""Wagtail's user screens, taught our one-name person model (Wagtail assumes first/last name)."""

from wagtail.users.apps import WagtailUsersAppConfig


class PeopleWagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "core.people.wagtail_views.PersonViewSet"

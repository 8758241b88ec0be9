"""Each staff duty is a Django group; this keeps the groups and their rights in step with code.

Rights are added, never removed, so what an administrator grants on top survives a deploy.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from core.cms.models import HomePage

from .roles import Duty

WAGTAIL_ADMIN = ("wagtailadmin", "access_admin")
PAGE_EDITING = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_EDITING = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)

# Investor relations officers edit, schedule and publish the IR library and calendar.
IR_EDITING = tuple(
    ("investors", f"{action}_{model}")
    for model in ("publication", "investorevent")
    for action in ("add", "change", "delete", "publish", "view")
)

# Duty → (model permissions, may edit pages and media in Wagtail)
DUTY_RIGHTS: dict[Duty, tuple[tuple[tuple[str, str], ...], bool]] = {
    Duty.AGENT: ((), False),
    Duty.CHANNEL_MANAGER: ((), False),
    Duty.IR_OFFICER: ((WAGTAIL_ADMIN, *IR_EDITING), True),
    Duty.CONTENT_EDITOR: ((WAGTAIL_ADMIN,), True),
}


def _permission(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def ensure_duty_groups(**_kwargs) -> None:
    home = HomePage.objects.first()
    root_collection = Collection.get_first_root_node()
    for duty, (model_rights, edits_content) in DUTY_RIGHTS.items():
        group, _created = Group.objects.get_or_create(name=duty.value)
        for app_label, codename in model_rights:
            permission = _permission(app_label, codename)
            if permission is not None:
                group.permissions.add(permission)
        if not edits_content:
            continue
        if home is not None:
            for codename in PAGE_EDITING:
                permission = _permission("wagtailcore", codename)
                if permission is not None:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=home, permission=permission
                    )
        if root_collection is not None:
            for app_label, codename in MEDIA_EDITING:
                permission = _permission(app_label, codename)
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

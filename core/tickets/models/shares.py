"""Explicit per-ticket shares (django-guardian, direct foreign keys: fast and deleted with the
ticket). A partner's ticket on behalf of a customer does not use them: its contact is named by
address before they may have an account, and sees it only while holding the customer role
there (invitations.py)."""

from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase


class TicketUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE)

    class Meta(UserObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["user", "permission"], name="tickets_share_user_idx")]


class TicketGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE)

    class Meta(GroupObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["group", "permission"], name="tickets_share_group_idx")]

from django.contrib import admin

from .models import Category, ProductArea, Queue, SLAPolicy, Ticket, TicketEvent


class SLAPolicyInline(admin.TabularInline):
    model = SLAPolicy
    extra = 0


@admin.register(Queue)
class QueueAdmin(admin.ModelAdmin):
    list_display = ["name", "intake_role", "team_email", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["agent_groups"]
    inlines = [SLAPolicyInline]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "portal", "queue", "position", "is_active"]
    list_filter = ["portal", "is_active"]


@admin.register(ProductArea)
class ProductAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "is_active"]


class TicketEventInline(admin.TabularInline):
    model = TicketEvent
    extra = 0
    can_delete = False
    fields = ["at", "actor_label", "kind", "old_value", "new_value", "is_public"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    """Read-only: tickets change through the agent workspace, where the rules live."""

    list_display = [
        "reference",
        "subject",
        "status",
        "priority",
        "queue",
        "requester",
        "updated_at",
    ]
    list_filter = ["status", "priority", "queue", "portal"]
    search_fields = ["reference", "subject", "requester__email"]
    list_select_related = ["queue", "requester"]
    inlines = [TicketEventInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

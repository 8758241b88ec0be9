"""Publications and events are edited in Wagtail (Investor relations menu): drafts,
revisions, previews of the form, and scheduled publishing for results days."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import PublicationAdminForm
from .models import InvestorEvent, Publication


class PublicationViewSet(SnippetViewSet):
    model = Publication
    icon = "doc-full"
    menu_label = _("Publications")
    list_display = ["title", "category", "period_label", "audience", "first_published_at"]
    list_filter = ["category", "fiscal_year", "audience", "live"]
    search_fields = ["title", "summary"]
    ordering = ["-fiscal_year", "-pk"]
    edit_handler = ObjectList(Publication.panels, base_form_class=PublicationAdminForm)


class InvestorEventViewSet(SnippetViewSet):
    model = InvestorEvent
    icon = "date"
    menu_label = _("Events")
    list_display = ["title", "kind", "starts_at", "audience"]
    list_filter = ["kind", "audience", "live"]
    search_fields = ["title"]
    ordering = ["-starts_at"]


class InvestorRelationsGroup(SnippetViewSetGroup):
    items = (PublicationViewSet, InvestorEventViewSet)
    menu_icon = "pick"
    menu_label = _("Investor relations")
    menu_name = "investor-relations"
    menu_order = 260


register_snippet(InvestorRelationsGroup)

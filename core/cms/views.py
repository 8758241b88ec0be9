from django.views.generic import TemplateView

from core.access.guards import PortalRequiredMixin

from .selectors import portal_dashboard_context


class PortalDashboardView(PortalRequiredMixin, TemplateView):
    """The base of every portal's home; portals add their own panels in get_context_data."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(portal_dashboard_context(self.request.user, self.portal_role))
        return context

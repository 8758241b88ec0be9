from django.db.models import Count, Q, Sum

from core.access import partners as access
from core.access.roles import Role
from core.cms.views import PortalDashboardView
from core.partners.lifecycle import DealStatus
from core.partners.models import DealRegistration, Lead, MdfBudget


class DashboardView(PortalDashboardView):
    portal_role = Role.PARTNER
    template_name = "partner_portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        context["deal_summary"] = DealRegistration.objects.visible_to(
            person, as_channel=False
        ).aggregate(
            drafts=Count("pk", filter=Q(status=DealStatus.DRAFT)),
            waiting=Count("pk", filter=Q(status=DealStatus.SUBMITTED)),
            more_info=Count("pk", filter=Q(status=DealStatus.MORE_INFO)),
            protected=Count("pk", filter=Q(status=DealStatus.APPROVED)),
        )
        context["leads_waiting"] = (
            Lead.objects.filter(access.lead_visibility(person, as_channel=False))
            .filter(status=Lead.Status.OFFERED)
            .count()
        )
        context["mdf_available"] = list(
            MdfBudget.objects.filter(access.budget_visibility(person, as_channel=False))
            .values("currency")
            .annotate(amount=Sum("amount"), reserved=Sum("reserved"))
            .order_by("currency")
        )
        return context

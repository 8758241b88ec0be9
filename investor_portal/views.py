from django.utils import timezone

from core.access import investors as access
from core.access.roles import Role
from core.cms.views import PortalDashboardView
from core.investors import selectors
from core.investors.models import InvestorProfile, Subscriber


class DashboardView(PortalDashboardView):
    portal_role = Role.INVESTOR
    template_name = "investor_portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        context["latest"] = selectors.latest_releases(person, limit=5)
        context["next_events"] = selectors.upcoming_events(person, timezone.now(), limit=3)
        context["subscriber"] = Subscriber.objects.filter(
            email__iexact=person.email, unsubscribed_at__isnull=True
        ).first()
        context["profile"] = InvestorProfile.objects.filter(person=person).first()
        context["audiences"] = access.audiences_for(person)
        return context

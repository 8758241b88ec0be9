from django.utils import timezone

from core import approvals
from core.access.roles import Role
from core.cms.views import PortalDashboardView
from core.learning.models import Assignment, Enrolment
from core.staff.models import Goal, NewsIndexPage
from core.staff.selectors import news_for


class DashboardView(PortalDashboardView):
    portal_role = Role.EMPLOYEE
    template_name = "employee_portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        now = timezone.now()
        open_assignments = Assignment.objects.open().filter(
            person=person, course__live=True, course__for_employees=True
        )
        context.update(
            {
                "news": list(news_for(person, limit=5)),
                "news_index": NewsIndexPage.objects.live().first(),
                "assigned": list(open_assignments.select_related("course").order_by("due_at")[:5]),
                "overdue_count": open_assignments.filter(due_at__lte=now).count(),
                "in_progress_count": Enrolment.objects.open()
                .filter(person=person, course__for_employees=True)
                .count(),
                "active_goals": list(
                    Goal.objects.filter(owner=person, status=Goal.Status.ACTIVE).order_by("due_on")[
                        :5
                    ]
                ),
                "waiting_count": approvals.waiting_count(person),
                "now": now,
            }
        )
        return context

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Window
from django.utils import timezone

from core import approvals
from core.access.roles import Role
from core.cms.views import PortalDashboardView
from core.learning.models import Assignment, Enrolment
from core.learning.selectors import with_course
from core.staff.models import Goal, NewsIndexPage
from core.staff.selectors import latest_news


class DashboardView(PortalDashboardView):
    portal_role = Role.EMPLOYEE
    template_name = "employee_portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.request.user
        now = timezone.now()
        assigned = list(
            with_course(
                Assignment.objects.open().filter(
                    person=person, course__live=True, course__for_employees=True
                ),
                "due_at",
            )
            # The overdue count rides along on the first five rows (a window over all of
            # them): no row means none is overdue.
            .annotate(overdue_total=Window(Count("pk", filter=Q(due_at__lte=now))))
            .order_by("due_at")[:5]
        )
        news_index_type = ContentType.objects.get_for_model(NewsIndexPage).pk
        context.update(
            {
                "news": latest_news(person, limit=5),
                "news_index": next(
                    (p for p in context["portal_pages"] if p.content_type_id == news_index_type),
                    None,
                ),
                "assigned": assigned,
                "overdue_count": assigned[0].overdue_total if assigned else 0,
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

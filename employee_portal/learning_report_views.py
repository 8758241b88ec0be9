"""The manager's training report. Managers see the people who report to them (directly or
through others); site administrators see every employee; anyone else finds nothing here."""

from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.access.staff import managed_people, staff_required
from core.learning import reports


def _team(request):
    team = managed_people(request.user)
    if not team.exists():
        raise Http404
    return team


@staff_required
def report(request):
    team = _team(request)
    now = timezone.now()
    by_course = reports.completion_by_course(team, now=now)
    overdue = Paginator(reports.overdue(team, now=now), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "employee_portal/learning/report.html",
        {
            "team_size": team.count(),
            "by_course": by_course,
            "by_team": reports.completion_by_team_and_course(team, now=now),
            "chart": reports.chart(by_course),
            "page_obj": overdue,
            "now": now,
        },
    )


@staff_required
def report_csv(request):
    team = _team(request)
    response = StreamingHttpResponse(reports.csv_rows(team), content_type="text/csv")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="training-report-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response

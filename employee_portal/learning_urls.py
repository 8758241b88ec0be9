from django.urls import path

from core.access.roles import Role
from core.learning.views import learning_urlpatterns

from . import learning_report_views

urlpatterns = [
    *learning_urlpatterns(Role.EMPLOYEE),
    path("learning/report/", learning_report_views.report, name="learning-report"),
    path("learning/report.csv", learning_report_views.report_csv, name="learning-report-csv"),
    path("learning/report/assign/", learning_report_views.assign, name="learning-assign"),
    path(
        "learning/report/course-suggestions/",
        learning_report_views.course_suggestions,
        name="learning-course-suggestions",
    ),
]

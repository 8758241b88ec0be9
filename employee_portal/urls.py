from django.urls import include, path

from . import views

app_name = "employee"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("work/", include("employee_portal.work.urls")),
    path("channel/", include("employee_portal.channel.urls")),
    path("", include("employee_portal.learning_urls")),
    path("", include("employee_portal.directory_urls")),
    path("", include("employee_portal.goals_urls")),
    path("", include("employee_portal.inbox_urls")),
    path("", include("employee_portal.customer360_urls")),
    path("", include("employee_portal.ir_urls")),
]

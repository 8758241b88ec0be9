from django.urls import include, path

from . import views

app_name = "employee"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("work/", include("employee_portal.work.urls")),
]

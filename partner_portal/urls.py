from django.urls import include, path

from . import views

app_name = "partner"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("", include("partner_portal.learning_urls")),
    path("", include("partner_portal.programme.urls")),
]

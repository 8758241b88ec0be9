from django.urls import include, path

from core.access.roles import Role
from core.tickets.requester.urls import requester_urlpatterns

from . import views

app_name = "partner"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("", include("partner_portal.learning_urls")),
    path(
        "support/",
        include(requester_urlpatterns(Role.PARTNER, queue="partner-desk", on_behalf=True)),
    ),
    path("", include("partner_portal.programme.urls")),
]

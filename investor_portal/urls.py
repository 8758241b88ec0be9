from django.urls import include, path

from core.access.roles import Role
from core.tickets.requester import requester_urlpatterns

from . import views

app_name = "investor"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("requests/", include(requester_urlpatterns(Role.INVESTOR, queue="investor-relations"))),
]

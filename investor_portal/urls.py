from django.urls import include, path

from core.access.roles import Role
from core.investors.feeds import ReleasesFeed
from core.tickets.requester.urls import requester_urlpatterns

from . import ir_views, views

app_name = "investor"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("requests/", include(requester_urlpatterns(Role.INVESTOR, queue="investor-relations"))),
    # the public IR site (what each person gets is decided in core.access.investors)
    path("reports/", ir_views.library, name="library"),
    path("reports/feed/", ReleasesFeed(), name="releases-feed"),
    path("reports/<int:pk>/", ir_views.report, name="report"),
    path("reports/<int:pk>/file/", ir_views.report_file, name="report-file"),
    path("events/", ir_views.events, name="events"),
    path("events/calendar.ics", ir_views.calendar_feed, name="calendar-feed"),
    path("events/<int:pk>/", ir_views.event, name="event"),
    path("events/<int:pk>/event.ics", ir_views.event_ics, name="event-ics"),
    path("alerts/", ir_views.alerts, name="alerts"),
    path("alerts/confirm/<str:token>/", ir_views.alerts_confirm, name="alerts-confirm"),
    path("alerts/unsubscribe/<str:token>/", ir_views.alerts_unsubscribe, name="alerts-unsubscribe"),
    path("register/", ir_views.register, name="register"),
]

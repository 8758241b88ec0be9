from django.urls import include, path

from . import views

app_name = "customer"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("tickets/", include("customer_portal.tickets.urls")),
]

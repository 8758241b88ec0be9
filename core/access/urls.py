from django.urls import path

from . import views

app_name = "access"

urlpatterns = [
    path("portals/", views.portal_picker, name="portal-picker"),
    path("portals/request-access/", views.access_request, name="request-access"),
    path("accounts/two-factor/required/", views.mfa_required, name="mfa-required"),
]

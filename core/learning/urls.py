"""The learning engine's public addresses: certificate verification (anyone, no sign-in)
and a neutral way in that sends each learner to their portal's learning pages."""

from django.urls import path

from . import public_views

app_name = "learning"

urlpatterns = [
    path("learning/", public_views.learning_home, name="home"),
    path("certificates/verify/", public_views.verify, name="verify"),
    path("certificates/verify/<str:code>/", public_views.verify_code, name="verify-code"),
]

from django.urls import path

from . import customer360_views as views

urlpatterns = [
    path("360/", views.search, name="customer360"),
    path("360/people/<int:person_id>/", views.person, name="customer360-person"),
    path(
        "360/organisations/<int:organisation_id>/",
        views.organisation,
        name="customer360-organisation",
    ),
]

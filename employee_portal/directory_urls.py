from django.urls import path

from . import directory_views as views

urlpatterns = [
    path("directory/", views.directory, name="directory"),
    path("directory/me/", views.profile_edit, name="directory-edit"),
    path("directory/<int:person_id>/", views.profile, name="directory-person"),
]

from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("help/search/", views.search, name="search"),
    path("help/articles/<int:article_id>/feedback/", views.feedback, name="feedback"),
]

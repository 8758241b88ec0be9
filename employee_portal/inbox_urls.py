from django.urls import path

from . import inbox_views as views

urlpatterns = [
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/decide/", views.decide, name="inbox-decide"),
]

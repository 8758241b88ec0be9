"""Customer tickets, included under /customer/tickets/ in the customer namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.ticket_list, name="tickets"),
    path("new/", views.ticket_new, name="ticket-new"),
    path("suggestions/", views.ticket_suggestions, name="ticket-suggestions"),
    path("<str:reference>/", views.ticket_detail, name="ticket-detail"),
    path("<str:reference>/reply/", views.ticket_reply_view, name="ticket-reply"),
    path("<str:reference>/status/", views.ticket_status, name="ticket-status"),
    path("<str:reference>/rating/", views.ticket_rate_view, name="ticket-rate"),
    path("<str:reference>/files/<int:file_id>/", views.ticket_file, name="ticket-file"),
]

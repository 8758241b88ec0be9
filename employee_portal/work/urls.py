"""The agent workspace, included under /employee/work/ in the employee namespace."""

from django.urls import path

from . import knowledge_views, ticket_views, views

urlpatterns = [
    path("", views.overview, name="work"),
    path("mine/", views.my_work, name="work-mine"),
    path("queues/<slug:slug>/", views.queue_view, name="work-queue"),
    path("assign/", views.bulk_assign, name="work-bulk-assign"),
    path("tickets/<str:reference>/", ticket_views.workspace, name="work-ticket"),
    path("tickets/<str:reference>/reply/", ticket_views.reply, name="work-ticket-reply"),
    path("tickets/<str:reference>/update/", ticket_views.update, name="work-ticket-update"),
    path("tickets/<str:reference>/answer/", ticket_views.link_answer, name="work-ticket-answer"),
    path(
        "tickets/<str:reference>/draft-article/",
        knowledge_views.draft_article,
        name="work-ticket-draft-article",
    ),
    path(
        "tickets/<str:reference>/files/<int:file_id>/",
        ticket_views.ticket_file,
        name="work-ticket-file",
    ),
]

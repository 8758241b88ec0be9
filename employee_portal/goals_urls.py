from django.urls import path

from . import goals_views as views

urlpatterns = [
    path("goals/", views.goal_list, name="goals"),
    path("goals/new/", views.goal_new, name="goal-new"),
    path("goals/<int:goal_id>/", views.goal_detail, name="goal"),
    path("goals/<int:goal_id>/edit/", views.goal_edit, name="goal-edit"),
    path("goals/<int:goal_id>/comments/", views.goal_comment_add, name="goal-comment"),
]

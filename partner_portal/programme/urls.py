from django.urls import path

from . import deal_views, lead_views, mdf_views, scorecard_views, team_views

urlpatterns = [
    path("deals/", deal_views.deal_list, name="deals"),
    path("deals/new/", deal_views.deal_new, name="deal-new"),
    path("deals/<int:pk>/", deal_views.deal_detail, name="deal"),
    path("deals/<int:pk>/edit/", deal_views.deal_edit, name="deal-edit"),
    path("deals/<int:pk>/submit/", deal_views.deal_submit, name="deal-submit"),
    path("deals/<int:pk>/close/", deal_views.deal_close, name="deal-close"),
    path("leads/", lead_views.lead_list, name="leads"),
    path("leads/<int:pk>/", lead_views.lead_detail, name="lead"),
    path("leads/<int:pk>/answer/", lead_views.lead_answer, name="lead-answer"),
    path("mdf/", mdf_views.mdf_overview, name="mdf"),
    path("mdf/<int:pk>/", mdf_views.mdf_request, name="mdf-request"),
    path("mdf/<int:pk>/proofs/<int:file_id>/", mdf_views.mdf_proof, name="mdf-proof"),
    path("scorecard/", scorecard_views.scorecard, name="scorecard"),
    path("team/", team_views.team, name="team"),
    path("team/<int:pk>/remove/", team_views.team_remove, name="team-remove"),
]

from . import apply_views  # noqa: E402

urlpatterns += [
    path("apply/", apply_views.apply, name="apply"),
    path("apply/<str:token>/", apply_views.application_status, name="application-status"),
]

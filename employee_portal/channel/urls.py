"""The channel manager's screens, included under /employee/channel/ in the employee namespace."""

from django.urls import path

from . import lead_views, views

urlpatterns = [
    path("", views.overview, name="channel"),
    path("deals/", views.deal_list, name="channel-deals"),
    path("deals/<int:pk>/", views.deal_detail, name="channel-deal"),
    path("deals/<int:pk>/decide/", views.deal_decide, name="channel-deal-decide"),
    path("deals/<int:pk>/extend/", views.deal_extend, name="channel-deal-extend"),
    path("deals/<int:pk>/close/", views.deal_close, name="channel-deal-close"),
    path("leads/", lead_views.lead_list, name="channel-leads"),
    path("leads/<int:pk>/", lead_views.lead_detail, name="channel-lead"),
    path("leads/<int:pk>/distribute/", lead_views.lead_distribute, name="channel-lead-distribute"),
    path("applications/<int:pk>/", views.application, name="channel-application"),
    path("mdf/<int:pk>/", views.fund_request, name="channel-fund"),
    path("mdf/<int:pk>/proofs/<int:file_id>/", views.fund_proof, name="channel-fund-proof"),
]

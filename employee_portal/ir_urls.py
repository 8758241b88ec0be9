from django.urls import path

from . import ir_views

urlpatterns = [
    path("ir/disclosures/", ir_views.disclosures, name="ir-disclosures"),
    path("ir/disclosures.csv", ir_views.disclosures_csv, name="ir-disclosures-csv"),
    path("ir/shareholders/", ir_views.holders, name="ir-holders"),
    path("ir/shareholders/<int:person_id>/", ir_views.holder_verify, name="ir-holder-verify"),
]

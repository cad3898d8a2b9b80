"""The public portal's addresses. The certificate path is printed into QR codes: never change it."""

from django.urls import path

from sanxiang.publicity import decision_views, lists_views, views

app_name = "publicity"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("officers/", views.officer_list, name="officers"),
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:number>/", views.certificate_check, name="certificate"),
    path("bodies/", views.bodies, name="bodies"),
    path("matters/", views.matter_list, name="matters"),
    path("matters/<int:matter_id>/", views.matter_detail, name="matter"),
    path("benchmarks/", views.benchmark_list, name="benchmarks"),
    path("inspections/", views.inspection_list, name="inspections"),
    path("fees/", views.fee_list, name="fees"),
    path("relief/", views.relief_list, name="relief"),
    path("windows/<int:agency_id>/", views.placard, name="placard"),
    *lists_views.urlpatterns,
    path("decisions/", decision_views.decision_list, name="decisions"),
    path("decisions/export.json", decision_views.export_json, name="export_json"),
    path("decisions/export.csv", decision_views.export_csv, name="export_csv"),
    path("decisions/<int:publication_id>/", decision_views.decision_detail, name="decision"),
    path("decisions/<int:publication_id>/document.txt", decision_views.decision_document, name="document"),
    path("decisions/<int:publication_id>/entry.json", decision_views.decision_entry, name="entry"),
    path("decisions/<int:publication_id>/proof", decision_views.decision_proof, name="proof"),
    path("inspection-results/", decision_views.inspection_results, name="inspection_results"),
]

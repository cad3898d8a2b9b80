"""The public portal's addresses. The certificate path is printed into QR codes: never change it."""

from django.urls import path

from sanxiang.publicity import lists_views, views

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
]

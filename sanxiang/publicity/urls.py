"""The public portal's addresses. The certificate path is printed into QR codes: never change it."""

from django.urls import path

from sanxiang.publicity import views

app_name = "publicity"
urlpatterns = [
    path("", views.portal_home, name="home"),
    path("officers/", views.officer_list, name="officers"),
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:number>/", views.certificate_check, name="certificate"),
]

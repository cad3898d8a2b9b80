from django.urls import URLPattern

app_name = "matters"
urlpatterns: list[URLPattern] = []

from django.urls import path

from sanxiang.publicity import views

app_name = "publicity"
urlpatterns = [
    path("", views.portal_home, name="home"),
]

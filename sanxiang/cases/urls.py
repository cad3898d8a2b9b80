"""Addresses of the case pages (mounted at /cases/)."""

from sanxiang.cases import views

app_name = "cases"
urlpatterns = [*views.urlpatterns]

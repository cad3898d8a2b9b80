"""Addresses of the case pages (mounted at /cases/). Routes only: every page lives in its views module."""

from sanxiang.cases import views

app_name = "cases"
urlpatterns = [*views.urlpatterns]

"""Addresses of the case pages (mounted at /cases/). Routes only: every page lives in its views module."""

from sanxiang.cases import case_views, views
from sanxiang.cases.legal_review import views as legal_review_views

app_name = "cases"
urlpatterns = [*views.urlpatterns, *case_views.urlpatterns, *legal_review_views.urlpatterns]

"""Addresses of the review pages (mounted at /review/). Routes only."""

from sanxiang.review import setting_views, views

app_name = "review"
urlpatterns = [*views.urlpatterns, *setting_views.urlpatterns]

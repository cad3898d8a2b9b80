"""Addresses of the review pages (mounted at /review/). Routes only."""

from sanxiang.review import views

app_name = "review"
urlpatterns = views.urlpatterns

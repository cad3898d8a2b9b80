"""Addresses of the document pages (mounted at /documents/). Routes only."""

from sanxiang.documents import views

app_name = "documents"
urlpatterns = views.urlpatterns

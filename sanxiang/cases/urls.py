"""Addresses of the case pages (mounted at /cases/). Routes only: every page lives in its views module."""

from sanxiang.cases import case_views, coercion_views, field_record_views, settings_views, views
from sanxiang.cases.documents import views as document_views
from sanxiang.cases.legal_review import views as legal_review_views
from sanxiang.cases.service import views as service_views

app_name = "cases"
urlpatterns = [
    *views.urlpatterns,
    *case_views.urlpatterns,
    *field_record_views.urlpatterns,
    *coercion_views.urlpatterns,
    *document_views.urlpatterns,
    *service_views.urlpatterns,
    *legal_review_views.urlpatterns,
    *settings_views.urlpatterns,
]

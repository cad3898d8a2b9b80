"""Organisation pages: reading pages, the spreadsheet import/export and the management forms, each in its own
module."""

from sanxiang.organizations import integrity_views, log_views, manage_views, spreadsheet_views, views

app_name = "organizations"
urlpatterns = [
    *views.urlpatterns,
    *spreadsheet_views.urlpatterns,
    *manage_views.urlpatterns,
    *log_views.urlpatterns,
    *integrity_views.urlpatterns,
]

"""Organisation pages. Page views and the spreadsheet import/export live in separate modules."""

from sanxiang.organizations import spreadsheet_views, views

app_name = "organizations"
urlpatterns = [*views.urlpatterns, *spreadsheet_views.urlpatterns]

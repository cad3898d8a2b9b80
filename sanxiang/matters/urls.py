"""Routes of the matters app, mounted at /matters/."""

from sanxiang.matters import library_views, views

app_name = "matters"
urlpatterns = [*views.urlpatterns, *library_views.urlpatterns]

"""Routes of the matters app, mounted at /matters/."""

from sanxiang.matters import entry_views, library_views, published_views, views, window_views

app_name = "matters"
urlpatterns = [
    *views.urlpatterns,
    *entry_views.urlpatterns,
    *published_views.urlpatterns,
    *window_views.urlpatterns,
    *library_views.urlpatterns,
]

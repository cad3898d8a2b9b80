"""Routes of the matters app, mounted at /matters/."""

from sanxiang.matters import views

app_name = "matters"
urlpatterns = views.urlpatterns

"""The editor's desk, mounted under /publications/ (internal: every view needs a login)."""

from django.urls import path

from sanxiang.publicity import desk_views, rule_views

app_name = "publications"
urlpatterns = [
    path("", desk_views.desk, name="desk"),
    path("pushes/", desk_views.push_status, name="pushes"),
    path("agencies/<int:agency_id>/rules/", rule_views.publication_rules, name="rules"),
    path("<int:publication_id>/", desk_views.publication_detail, name="publication"),
    path("<int:publication_id>/<str:act>/", desk_views.publication_act, name="act"),
]

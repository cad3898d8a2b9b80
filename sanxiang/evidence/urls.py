"""Evidence URLs: the tus upload endpoint and playback/download of originals."""

from django.urls import URLPattern, path

from sanxiang.evidence import tusviews, views

app_name = "evidence"
urlpatterns: list[URLPattern] = [
    path("uploads/", tusviews.collection, name="uploads"),
    path("uploads/<uuid:upload_id>", tusviews.resource, name="upload"),
    path("files/<int:evidence_id>/play", views.play, name="play"),
    path("files/<int:evidence_id>/download", views.download, name="download"),
]

"""Evidence URLs: the tus upload endpoint, playback/download of originals and access copies, and the pages."""

from django.urls import URLPattern, path

from sanxiang.evidence import lag_views, tusviews, views

app_name = "evidence"
urlpatterns: list[URLPattern] = [
    path("uploads/", tusviews.collection, name="uploads"),
    path("uploads/<uuid:upload_id>", tusviews.resource, name="upload"),
    path("files/<int:evidence_id>/play", views.play, name="play"),
    path("files/<int:evidence_id>/download", views.download, name="download"),
    path("files/<int:evidence_id>/", views.file_detail, name="file_detail"),
    path("files/<int:evidence_id>/copy", views.copy, name="copy"),
    path("files/<int:evidence_id>/poster", views.poster, name="poster"),
    path("files/<int:evidence_id>/gap", views.explain_gap, name="explain_gap"),
    path("files/<int:evidence_id>/late-reason", lag_views.give_late_reason, name="give_late_reason"),
    path(
        "files/<int:evidence_id>/late-reason/acknowledge",
        lag_views.acknowledge_late_reason,
        name="acknowledge_late_reason",
    ),
    path("subjects/<slug:subject_kind>/<str:subject_id>/", views.subject_files, name="subject_files"),
    path("upload/", views.upload_page, name="upload_page"),
    path("agencies/<int:agency_id>/upload-lag", lag_views.upload_lag_limits, name="upload_lag_limits"),
    path(
        "subjects/<slug:subject_kind>/<str:subject_id>/exemptions",
        views.request_exemption,
        name="request_exemption",
    ),
    path("exemptions/<int:exemption_id>/approve", views.approve_exemption, name="approve_exemption"),
    path("files/<int:evidence_id>/deletion", views.request_deletion, name="request_deletion"),
    path("files/<int:evidence_id>/deletion/approve", views.approve_deletion, name="approve_deletion"),
]

"""URLs of the record log, mounted under /log/."""

from django.urls import path

from sanxiang.records import views

app_name = "records"
urlpatterns = [
    path("checkpoint", views.checkpoint, name="checkpoint"),
    path("verify_bundle.py", views.verifier_script, name="verifier_script"),
    path("witness/add-checkpoint", views.add_checkpoint, name="add_checkpoint"),
]

"""URL routing: each app owns its URLs; the public portal lives under /portal/, the record log under /log/."""

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from sanxiang.accounts import views as account_views

urlpatterns = [
    path("", account_views.home, name="home"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("sanxiang.accounts.urls")),
    path("organizations/", include("sanxiang.organizations.urls")),
    path("calendar/", include("sanxiang.calendar.urls")),
    path("matters/", include("sanxiang.matters.urls")),
    path("evidence/", include("sanxiang.evidence.urls")),
    path("cases/", include("sanxiang.cases.urls")),
    path("documents/", include("sanxiang.documents.urls")),
    path("review/", include("sanxiang.review.urls")),
    path("log/", include("sanxiang.records.urls")),
    path("portal/", include("sanxiang.publicity.urls")),
    path("publications/", include("sanxiang.publicity.desk_urls")),
    path("admin/", admin.site.urls),
]

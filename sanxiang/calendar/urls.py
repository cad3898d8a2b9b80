"""Routes of the calendar app, mounted at /calendar/."""

from django.urls import path

from sanxiang.calendar import views

app_name = "calendar"
urlpatterns = [
    path("", views.index, name="index"),
    path("due/", views.due_date, name="due"),
    path("<int:year>/", views.year_view, name="year"),
    path("<int:year>/days/add/", views.add_day, name="add_day"),
    path("<int:year>/days/remove/", views.remove_day, name="remove_day"),
    path("<int:year>/confirm/", views.confirm_year, name="confirm_year"),
]

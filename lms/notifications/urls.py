from django.urls import path

from lms.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("gelezen/", views.mark_read, name="mark_read"),
    path("<int:pk>/", views.notification_open, name="open"),
    path("voorkeuren/", views.preferences, name="preferences"),
]

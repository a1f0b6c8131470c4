from django.urls import path

from lms.coaching import views

app_name = "coaching"

urlpatterns = [
    path("", views.index, name="index"),
    path("hulpvragen/", views.request_list, name="request_list"),
    path("hulpvragen/nieuw/", views.request_new, name="request_new"),
    path("hulpvragen/<int:pk>/", views.request_detail, name="request_detail"),
    path("hulpvragen/<int:pk>/reageren/", views.request_reply, name="request_reply"),
    path("hulpvragen/<int:pk>/status/", views.request_status, name="request_status"),
    path("hulpvragen/<int:pk>/langskomen/", views.visit_propose, name="visit_propose"),
    path(
        "hulpvragen/<int:pk>/langskomen/<int:visit>/",
        views.visit_respond,
        name="visit_respond",
    ),
    path(
        "hulpvragen/<int:pk>/bijlagen/<int:attachment>/",
        views.attachment_download,
        name="attachment",
    ),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("collega/<int:user_id>/", views.learner_detail, name="learner_detail"),
    path(
        "collega/<int:user_id>/tijdlijn/",
        views.learner_timeline,
        name="learner_timeline",
    ),
    path("aftekenen/", views.signoff_new, name="signoff_new"),
    path(
        "aftekenen/<int:pk>/intrekken/",
        views.signoff_withdraw,
        name="signoff_withdraw",
    ),
    path("mijn-aftekeningen/", views.my_signoffs, name="my_signoffs"),
    path("beschikbaarheid/", views.availability, name="availability"),
    path("cijfers/", views.metrics, name="metrics"),
    path("toegangslog/", views.access_log, name="access_log"),
]

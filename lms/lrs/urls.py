from django.urls import path

from lms.lrs.api import about, documents, statements

app_name = "lrs"

# Trailing slashes are optional: xAPI clients name resources without one.
urlpatterns = [
    path("about", about.about, name="about"),
    path("about/", about.about),
    path("statements", statements.statements, name="statements"),
    path("statements/", statements.statements),
    path("activities/state", documents.state, name="state"),
    path("activities/state/", documents.state),
    path("activities/profile", documents.activity_profile, name="activity_profile"),
    path("activities/profile/", documents.activity_profile),
    path("activities", documents.activities, name="activities"),
    path("activities/", documents.activities),
    path("agents/profile", documents.agent_profile, name="agent_profile"),
    path("agents/profile/", documents.agent_profile),
    path("agents", documents.agents, name="agents"),
    path("agents/", documents.agents),
]

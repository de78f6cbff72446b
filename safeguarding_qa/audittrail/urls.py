from django.urls import path

from safeguarding_qa.core import views as core_views

app_name = "audittrail"

urlpatterns = [
    path("", core_views.home, name="event-list"),
]

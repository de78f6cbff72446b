from django.urls import path

from safeguarding_qa.core import views as core_views

app_name = "partnership"

urlpatterns = [
    path("organisations/", core_views.home, name="organisation-list"),
    path("groups/", core_views.home, name="group-list"),
]

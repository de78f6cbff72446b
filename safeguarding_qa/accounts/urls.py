from django.urls import path

from safeguarding_qa.core import views as core_views

app_name = "accounts"

urlpatterns = [
    path("me/", core_views.home, name="my-account"),
    path("people/", core_views.home, name="person-list"),
]

from django.urls import path

from .views import incidents, returns, reviews

app_name = "reviews"

urlpatterns = [
    path("", reviews.review_list, name="review-list"),
    path("add/", reviews.review_create_view, name="review-create"),
    path("overview/", reviews.overview, name="overview"),
    path("<int:pk>/", reviews.review_detail, name="review-detail"),
    path("<int:pk>/edit/", reviews.review_edit, name="review-edit"),
    path(
        "<int:pk>/recommendations/add/",
        reviews.review_recommendation_add_view,
        name="review-recommendation-add",
    ),
    path("<int:pk>/milestones/add/", reviews.milestone_add_view, name="milestone-add"),
    path(
        "<int:review_pk>/milestones/<int:pk>/edit/",
        reviews.milestone_edit_view,
        name="milestone-edit",
    ),
    path("incidents/", incidents.incident_list, name="incident-list"),
    path("incidents/add/", incidents.incident_create_view, name="incident-create"),
    path("incidents/<int:pk>/", incidents.incident_detail, name="incident-detail"),
    path("incidents/<int:pk>/reveal/", incidents.incident_reveal, name="incident-reveal"),
    path("incidents/<int:pk>/edit/", incidents.incident_edit, name="incident-edit"),
    path("incidents/<int:pk>/notify/", incidents.incident_notify_view, name="incident-notify"),
    path(
        "incidents/<int:pk>/rapid-review/",
        incidents.incident_rapid_review_view,
        name="incident-rapid-review",
    ),
    path("incidents/<int:pk>/panel/", incidents.incident_panel_view, name="incident-panel"),
    path(
        "incidents/<int:pk>/commission/",
        incidents.incident_commission_view,
        name="incident-commission",
    ),
    path(
        "incidents/<int:pk>/information/ask/",
        incidents.request_create_view,
        name="request-create",
    ),
    path("information/", returns.return_list, name="return-list"),
    path("information/<int:pk>/", returns.return_detail, name="return-detail"),
    path("information/<int:pk>/return/", returns.return_submit, name="return-submit"),
    path("information/<int:pk>/attachment/", returns.return_attachment, name="return-attachment"),
]

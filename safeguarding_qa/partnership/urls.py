from django.urls import path

from .views import details, groups, memberships, organisations, reviews

app_name = "partnership"

urlpatterns = [
    path("organisations/", organisations.organisation_list, name="organisation-list"),
    path(
        "organisations/add/",
        organisations.organisation_create_view,
        name="organisation-create",
    ),
    path(
        "organisations/<int:pk>/",
        organisations.organisation_detail,
        name="organisation-detail",
    ),
    path(
        "organisations/<int:pk>/edit/",
        organisations.organisation_edit,
        name="organisation-edit",
    ),
    path(
        "organisations/<int:pk>/deactivate/",
        organisations.organisation_deactivate_view,
        name="organisation-deactivate",
    ),
    path(
        "organisations/<int:pk>/reactivate/",
        organisations.organisation_reactivate_view,
        name="organisation-reactivate",
    ),
    path("groups/", groups.group_list, name="group-list"),
    path("groups/add/", groups.group_create_view, name="group-create"),
    path("groups/<int:pk>/", groups.group_detail, name="group-detail"),
    path("groups/<int:pk>/edit/", groups.group_edit, name="group-edit"),
    path("groups/<int:pk>/history/", groups.group_history, name="group-history"),
    path(
        "groups/<int:pk>/members/add/",
        memberships.membership_add_view,
        name="membership-add",
    ),
    path(
        "groups/<int:group_pk>/members/<int:pk>/role/",
        memberships.membership_change_role_view,
        name="membership-change-role",
    ),
    path(
        "groups/<int:group_pk>/members/<int:pk>/end/",
        memberships.membership_end_view,
        name="membership-end",
    ),
    path(
        "groups/<int:pk>/reviews/",
        reviews.membership_review_list,
        name="membership-review-list",
    ),
    path(
        "groups/<int:pk>/reviews/add/",
        reviews.membership_review_add,
        name="membership-review-add",
    ),
    path("settings/", details.partnership_edit, name="partnership-edit"),
]

from django.urls import path

from .views import contacts, dashboard, discussion, returns

app_name = "indicators"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("exceptions/", dashboard.exceptions, name="exceptions"),
    path("indicators/<str:code>/", dashboard.indicator_detail, name="indicator-detail"),
    path("indicators/<str:code>/edit/", dashboard.indicator_edit, name="indicator-edit"),
    path(
        "indicators/<str:code>/commentary/",
        discussion.commentary_add_view,
        name="commentary-add",
    ),
    path(
        "indicators/<str:code>/challenge/",
        discussion.challenge_raise_view,
        name="challenge-raise",
    ),
    path("challenges/", discussion.challenge_list, name="challenge-list"),
    path("challenges/<int:pk>/", discussion.challenge_detail, name="challenge-detail"),
    path(
        "challenges/<int:pk>/respond/",
        discussion.challenge_respond_view,
        name="challenge-respond",
    ),
    path("challenges/<int:pk>/close/", discussion.challenge_close_view, name="challenge-close"),
    path("returns/", returns.returns_overview, name="returns"),
    path(
        "returns/<int:period>/<int:organisation>/",
        returns.return_edit,
        name="return-edit",
    ),
    path(
        "returns/<int:period>/<int:organisation>/template.xlsx",
        returns.return_template,
        name="return-template",
    ),
    path(
        "returns/<int:period>/<int:organisation>/upload/",
        returns.return_upload,
        name="return-upload",
    ),
    path(
        "returns/data-contacts/<int:organisation>/",
        contacts.data_contact_list,
        name="data-contacts",
    ),
    path(
        "returns/data-contacts/remove/<int:pk>/",
        contacts.data_contact_remove_view,
        name="data-contact-remove",
    ),
    path("quarters/", returns.period_list, name="period-list"),
    path("quarters/<int:pk>/status/", returns.period_toggle, name="period-toggle"),
]

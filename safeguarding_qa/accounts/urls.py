"""People, invitations and each person's own account; mounted at /accounts/ before allauth.

Some allauth pages are shadowed here with a 404, because the service does not offer them:
people cannot add or change e-mail addresses (the administrator sets the one they sign in
with, and it must stay unique), and there is no sign-in by e-mailed code or e-mail
confirmation. Their URL names still exist, so the permission matrix checks the 404s.
"""

from django.urls import path, re_path
from django.views.generic import RedirectView

from .views import invitations, me, people

app_name = "accounts"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="accounts:my-account")),
    path("me/", me.my_account_view, name="my-account"),
    path("people/", people.person_list_view, name="person-list"),
    path("people/<int:pk>/", people.person_detail_view, name="person-detail"),
    path("people/<int:pk>/edit/", people.person_edit_view, name="person-edit"),
    path("people/<int:pk>/deactivate/", people.person_deactivate_view, name="person-deactivate"),
    path("people/<int:pk>/reactivate/", people.person_reactivate_view, name="person-reactivate"),
    path("invitations/", invitations.invitation_list_view, name="invitation-list"),
    path("invitations/new/", invitations.invitation_create_view, name="invitation-create"),
    path(
        "invitations/<int:pk>/withdraw/",
        invitations.invitation_revoke_view,
        name="invitation-revoke",
    ),
    path("invitation/<str:token>/", invitations.invitation_accept_view, name="invitation-accept"),
    # allauth pages not offered (see the module docstring).
    path("email/", me.not_offered),
    path("confirm-email/", me.not_offered),
    re_path(r"^confirm-email/(?P<key>[-:\w]+)/$", me.not_offered),
    path("login/code/confirm/", me.not_offered),
]

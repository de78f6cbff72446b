"""Permission-matrix rows for people, invitations, each person's account and allauth's pages.

People: partnership-wide roles with the people capability see everyone; agency leads see
their own organisation's people (another organisation's person is a 404); auditors and
viewers see nobody (403 on the list). Only partnership administrators change anyone.
allauth: e-mail management, e-mail confirmation and sign-in by code are not offered (404).
"""

from __future__ import annotations

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.access.roles import Role

from .helpers import expire, give_authenticator_app, make_invitation, make_person

PARTNERSHIP_WIDE = ("admin", "admin_icb", "chair", "qa_lead", "scrutineer", "lay_member")
LEADS = ("lead_council", "lead_police", "lead_hospital")
ADMINS = ("admin", "admin_icb")
# Roles that see the person but may not change them, for a police person.
SEES_POLICE_PERSON = ("chair", "qa_lead", "scrutineer", "lay_member", "lead_police")
SEES_COUNCIL_PERSON = ("chair", "qa_lead", "scrutineer", "lay_member", "lead_council")
# The persona with an authenticator app and recovery codes.
WITH_MFA = "viewer_police"


def build(world: World) -> None:
    police, council = world.organisations["police"], world.organisations["council"]
    admin = world.personas["admin"]
    objects = world.objects
    objects["police_person"] = make_person(police, "matrix.police@brackenmoor.example")
    objects["council_person"] = make_person(council, "matrix.council@brackenmoor.example")
    objects["deactivated_person"] = make_person(
        police, "matrix.gone@brackenmoor.example", is_active=False
    )
    objects["invitation"], objects["token"] = make_invitation(
        admin, police, "matrix.invited@brackenmoor.example"
    )
    expired, objects["expired_token"] = make_invitation(
        admin, police, "matrix.late@brackenmoor.example"
    )
    expire(expired)
    give_authenticator_app(world.personas[WITH_MFA])


def _pk(key: str):
    return lambda world: {"pk": world.objects[key].pk}


def _statuses(default: int, allowed: int, refused: int, allowed_to: tuple[str, ...], refused_to):
    """``allowed`` for ``allowed_to``, ``refused`` (403) for those who see but may not act."""
    overrides = dict.fromkeys(refused_to, refused)
    overrides.update(dict.fromkeys(allowed_to, allowed))
    return expect(default, **overrides)


def _manage(allowed: int, refused_to=SEES_POLICE_PERSON) -> dict[str, int]:
    return _statuses(404, allowed, 403, ADMINS, refused_to)


_PERSON_CHANGE = {
    "full_name": "Matrix Police Person",
    "job_title": "Detective constable",
    "organisation": None,  # filled in per world
    "role": Role.AGENCY_AUDITOR,
}


def _person_change(world: World) -> dict[str, object]:
    return {**_PERSON_CHANGE, "organisation": world.organisations["police"].pk}


def _invitation_data(world: World) -> dict[str, object]:
    return {
        "full_name": "Newly Invited",
        "email": "matrix.new@brackenmoor.example",
        "job_title": "",
        "organisation": world.organisations["hospital"].pk,
        "role": Role.VIEWER,
    }


def _token(key: str):
    return lambda world: {"token": world.objects[key]}


PEOPLE_ROUTES = [
    RouteCheck("accounts:my-account", expect(200)),
    RouteCheck(
        "accounts:person-list",
        expect(403, **dict.fromkeys(PARTNERSHIP_WIDE + LEADS, 200)),
    ),
    RouteCheck(
        "accounts:person-detail",
        expect(404, **dict.fromkeys(PARTNERSHIP_WIDE + ("lead_police",), 200)),
        kwargs=_pk("police_person"),
        label="police person",
    ),
    RouteCheck(
        "accounts:person-detail",
        expect(404, **dict.fromkeys(PARTNERSHIP_WIDE + ("lead_council",), 200)),
        kwargs=_pk("council_person"),
        label="council person",
    ),
    RouteCheck("accounts:person-edit", _manage(200), kwargs=_pk("police_person")),
    RouteCheck(
        "accounts:person-edit",
        _manage(302),
        method="POST",
        kwargs=_pk("police_person"),
        data=_person_change,
    ),
    RouteCheck(
        "accounts:person-edit",
        _manage(302, SEES_COUNCIL_PERSON),
        method="POST",
        kwargs=_pk("council_person"),
        data=lambda world: {
            **_person_change(world),
            "organisation": world.organisations["council"].pk,
        },
        label="council person",
    ),
    RouteCheck("accounts:person-deactivate", _manage(200), kwargs=_pk("police_person")),
    RouteCheck(
        "accounts:person-deactivate",
        _manage(302),
        method="POST",
        kwargs=_pk("police_person"),
        data=lambda world: {"reason": "Left the force"},
    ),
    # Nobody deactivates themselves: the administrator (council) is refused on their own page.
    RouteCheck(
        "accounts:person-deactivate",
        _statuses(404, 302, 403, ("admin_icb",), ("admin", *SEES_COUNCIL_PERSON)),
        method="POST",
        kwargs=lambda world: {"pk": world.personas["admin"].pk},
        data=lambda world: {"reason": "Testing"},
        label="yourself",
    ),
    RouteCheck("accounts:person-reactivate", _manage(200), kwargs=_pk("deactivated_person")),
    RouteCheck(
        "accounts:person-reactivate",
        _manage(302),
        method="POST",
        kwargs=_pk("deactivated_person"),
    ),
    RouteCheck(
        "accounts:person-reactivate",
        _statuses(404, 403, 403, ADMINS, SEES_POLICE_PERSON),
        method="POST",
        kwargs=_pk("police_person"),
        label="already active",
    ),
]

INVITATION_ROUTES = [
    RouteCheck("accounts:invitation-list", expect(403, admin=200, admin_icb=200)),
    RouteCheck("accounts:invitation-create", expect(403, admin=200, admin_icb=200)),
    RouteCheck(
        "accounts:invitation-create",
        expect(403, admin=302, admin_icb=302),
        method="POST",
        data=_invitation_data,
    ),
    RouteCheck(
        "accounts:invitation-revoke",
        expect(404, admin=200, admin_icb=200),
        kwargs=_pk("invitation"),
    ),
    RouteCheck(
        "accounts:invitation-revoke",
        expect(404, admin=302, admin_icb=302),
        method="POST",
        kwargs=_pk("invitation"),
    ),
    # Public; signed-in people are told to sign out first (200, nothing changes).
    RouteCheck("accounts:invitation-accept", expect(200, anonymous=200), kwargs=_token("token")),
    RouteCheck(
        "accounts:invitation-accept",
        expect(200, anonymous=200),
        method="POST",
        kwargs=_token("token"),
        data=lambda world: {"password1": "Long-enough-pass-1", "password2": "Different-pass-22"},
        label="passwords differ",
    ),
    RouteCheck(
        "accounts:invitation-accept",
        expect(200, anonymous=410),
        kwargs=_token("expired_token"),
        label="expired",
    ),
    RouteCheck(
        "accounts:invitation-accept",
        expect(200, anonymous=404),
        kwargs=lambda world: {"token": "no-such-invitation"},
        label="unknown",
    ),
]

_PUBLIC = {"anonymous": 200}
_NOT_OFFERED = expect(404, anonymous=404)

ALLAUTH_ROUTES = [
    RouteCheck("account_login", expect(302, **_PUBLIC)),
    RouteCheck("account_login", expect(302, **_PUBLIC), method="POST", label="empty form"),
    RouteCheck("account_logout", expect(200)),
    RouteCheck("account_logout", expect(302), method="POST"),
    RouteCheck("account_signup", expect(302, **_PUBLIC), label="closed"),
    RouteCheck("account_signup", expect(302, **_PUBLIC), method="POST", label="closed"),
    RouteCheck("account_change_password", expect(200)),
    RouteCheck("account_change_password", expect(200), method="POST", label="empty form"),
    RouteCheck("account_set_password", expect(302), label="everyone has a password"),
    RouteCheck("account_inactive", expect(200, **_PUBLIC)),
    RouteCheck("account_email", _NOT_OFFERED),
    RouteCheck("account_email", _NOT_OFFERED, method="POST"),
    RouteCheck("account_email_verification_sent", _NOT_OFFERED),
    RouteCheck("account_confirm_email", _NOT_OFFERED, kwargs=lambda world: {"key": "abc"}),
    RouteCheck("account_confirm_login_code", _NOT_OFFERED),
    RouteCheck("account_reauthenticate", expect(200)),
    RouteCheck(
        "account_reauthenticate",
        expect(200),
        method="POST",
        data=lambda world: {"password": "not-the-password"},
        label="wrong password",
    ),
    RouteCheck("account_reset_password", expect(200, **_PUBLIC)),
    RouteCheck("account_reset_password", expect(200, **_PUBLIC), method="POST", label="empty"),
    RouteCheck("account_reset_password_done", expect(200, **_PUBLIC)),
    RouteCheck(
        "account_reset_password_from_key",
        expect(200, **_PUBLIC),
        kwargs=lambda world: {"uidb36": "0", "key": "not-a-key"},
        label="bad link",
    ),
    RouteCheck("account_reset_password_from_key_done", expect(200, **_PUBLIC)),
    RouteCheck("mfa_index", expect(200)),
    RouteCheck("mfa_activate_totp", expect(200, **{WITH_MFA: 302})),
    RouteCheck(
        "mfa_activate_totp",
        expect(200, **{WITH_MFA: 302}),
        method="POST",
        data=lambda world: {"code": "000000"},
        label="wrong code",
    ),
    RouteCheck("mfa_deactivate_totp", expect(404, **{WITH_MFA: 200})),
    RouteCheck("mfa_authenticate", expect(302), label="not signing in"),
    RouteCheck("mfa_reauthenticate", expect(302, **{WITH_MFA: 200})),
    RouteCheck("mfa_generate_recovery_codes", expect(200)),
    RouteCheck("mfa_view_recovery_codes", expect(404, **{WITH_MFA: 200})),
    RouteCheck("mfa_download_recovery_codes", expect(404, **{WITH_MFA: 200})),
    RouteCheck("usersessions_list", expect(200)),
]

ROUTES = PEOPLE_ROUTES + INVITATION_ROUTES + ALLAUTH_ROUTES

"""Audit event kinds for sign-in, MFA, invitations and people."""

from safeguarding_qa.audittrail.registry import define

SIGN_IN_SUCCEEDED = define("sign_in.succeeded", "Signed in")
SIGN_IN_FAILED = define("sign_in.failed", "Sign-in failed")
SIGN_IN_LOCKED_OUT = define("sign_in.locked_out", "Sign-in refused: too many failed attempts")
SIGNED_OUT = define("sign_in.signed_out", "Signed out")
SESSION_EXPIRED = define("sign_in.session_expired", "Session ended by the absolute time limit")
MFA_ADDED = define("mfa.authenticator_added", "Two-factor authentication method added")
MFA_REMOVED = define("mfa.authenticator_removed", "Two-factor authentication method removed")
MFA_RESET = define("mfa.recovery_codes_regenerated", "Recovery codes regenerated")
PASSWORD_CHANGED = define("password.changed", "Password changed")
PASSWORD_RESET = define("password.reset", "Password reset by e-mail link")
INVITATION_SENT = define("invitation.sent", "Invitation sent")
INVITATION_ACCEPTED = define("invitation.accepted", "Invitation accepted")
INVITATION_REVOKED = define("invitation.revoked", "Invitation withdrawn")
INVITATION_REFUSED = define("invitation.refused", "Expired, used or withdrawn invitation refused")
PERSON_CHANGED = define("person.changed", "Person's details, role or organisation changed")
PERSON_DEACTIVATED = define("person.deactivated", "Person deactivated and signed out")
PERSON_REACTIVATED = define("person.reactivated", "Person reactivated")

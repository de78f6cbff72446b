"""Permission-matrix rows for the audit trail: partnership administrators only."""

from safeguarding_qa.access.matrix import RouteCheck, World, expect
from safeguarding_qa.audittrail.events import AUDIT_TRAIL_EXPORTED
from safeguarding_qa.audittrail.services.recording import record_event

ADMINS_ONLY = expect(403, admin=200, admin_icb=200)


def build(world: World) -> None:
    world.objects["audit_event"] = record_event(
        kind=AUDIT_TRAIL_EXPORTED,
        actor=world.personas["admin"],
        description="Audit trail export: all events",
        data={"up_to_event": 0},
    )


ROUTES = [
    RouteCheck("audittrail:event-list", ADMINS_ONLY),
    RouteCheck(
        "audittrail:event-detail",
        ADMINS_ONLY,
        kwargs=lambda w: {"sequence": w.objects["audit_event"].sequence},
    ),
    RouteCheck(
        "audittrail:event-detail",
        expect(403, admin=404, admin_icb=404),
        kwargs=lambda w: {"sequence": 999_999_999},
        label="unknown event",
    ),
    RouteCheck("audittrail:event-export", ADMINS_ONLY),
    RouteCheck(
        "audittrail:event-list",
        expect(405, anonymous=302),
        method="POST",
        label="read only",
    ),
    RouteCheck(
        "audittrail:event-export",
        expect(405, anonymous=302),
        method="POST",
        label="read only",
    ),
]

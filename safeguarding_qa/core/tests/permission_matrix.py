"""Permission-matrix rows for the core pages."""

from safeguarding_qa.access.matrix import RouteCheck, expect

ROUTES = [
    RouteCheck("core:home", expect(200)),
    RouteCheck("core:help", expect(200)),
    RouteCheck("core:accessibility", expect(200, anonymous=200)),
    RouteCheck("core:privacy", expect(200, anonymous=200)),
    RouteCheck("core:healthz", expect(200, anonymous=200)),
    RouteCheck("core:healthz", expect(405, anonymous=405), method="POST", label="read only"),
]

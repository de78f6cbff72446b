"""The URLconf: each app's routes under its own prefix, plus sign-in and health."""

from django.urls import include, path

handler403 = "safeguarding_qa.core.views.permission_denied"
handler404 = "safeguarding_qa.core.views.page_not_found"
handler500 = "safeguarding_qa.core.views.server_error"

urlpatterns = [
    path("", include("safeguarding_qa.core.urls")),
    path("accounts/", include("safeguarding_qa.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("partnership/", include("safeguarding_qa.partnership.urls")),
    path("audit-trail/", include("safeguarding_qa.audittrail.urls")),
]

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
    path("audits/", include("safeguarding_qa.audits.urls")),
    path("reviews/", include("safeguarding_qa.reviews.urls")),
    path("register/", include("safeguarding_qa.recommendations.urls")),
    path("dashboard/", include("safeguarding_qa.indicators.urls")),
    path("case-data/", include("safeguarding_qa.casedata.urls")),
    path("programme/", include("safeguarding_qa.programme.urls")),
    path("meetings/", include("safeguarding_qa.meetings.urls")),
    path("self-assessment/", include("safeguarding_qa.selfassessment.urls")),
    path("learning/", include("safeguarding_qa.learning.urls")),
    path("reports/", include("safeguarding_qa.reports.urls")),
    path("api/", include("safeguarding_qa.api.urls")),
]

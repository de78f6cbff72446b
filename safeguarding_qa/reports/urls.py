from django.urls import path

from . import views, views_audit, views_dashboard, views_narrative

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("annual/", views.annual_report, name="annual-report"),
    path(
        "annual/<int:year>/narrative/",
        views_narrative.annual_narrative_edit,
        name="annual-narrative-edit",
    ),
    path("annual/produce/", views.annual_report_generate, name="annual-report-generate"),
    path("dashboard/", views_dashboard.dashboard_report, name="dashboard-report"),
    path(
        "dashboard/produce/",
        views_dashboard.dashboard_report_generate,
        name="dashboard-report-generate",
    ),
    path("audits/<int:pk>/", views_audit.audit_report, name="audit-report"),
    path(
        "audits/<int:pk>/produce/",
        views_audit.audit_report_generate,
        name="audit-report-generate",
    ),
    path("files/<int:pk>/", views.document_detail, name="document-detail"),
    path("files/<int:pk>/download/", views.document_download_view, name="document-download"),
]

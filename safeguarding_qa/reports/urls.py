from django.urls import path

from . import views, views_dashboard

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("annual/", views.annual_report, name="annual-report"),
    path("annual/produce/", views.annual_report_generate, name="annual-report-generate"),
    path("dashboard/", views_dashboard.dashboard_report, name="dashboard-report"),
    path(
        "dashboard/produce/",
        views_dashboard.dashboard_report_generate,
        name="dashboard-report-generate",
    ),
    path("files/<int:pk>/", views.document_detail, name="document-detail"),
    path("files/<int:pk>/download/", views.document_download_view, name="document-download"),
]

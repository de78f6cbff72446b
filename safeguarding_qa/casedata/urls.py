from django.urls import path

from .views import imports, samples, snapshots

app_name = "casedata"

urlpatterns = [
    path("", snapshots.home, name="home"),
    path("snapshots/<int:pk>/", snapshots.snapshot_detail, name="snapshot-detail"),
    path(
        "snapshots/<int:pk>/indicators/record/",
        snapshots.snapshot_indicators_record_view,
        name="snapshot-indicators-record",
    ),
    path("snapshots/<int:pk>/cohorts/", samples.cohort_preview, name="cohort-preview"),
    path("snapshots/<int:pk>/samples/add/", samples.sample_draw_view, name="sample-draw"),
    path("imports/add/", imports.import_start, name="import-start"),
    path("imports/<int:pk>/", imports.import_detail, name="import-detail"),
    path("imports/<int:pk>/report/", imports.import_report, name="import-report"),
    path("samples/<int:pk>/", samples.sample_detail, name="sample-detail"),
    path("samples/<int:pk>/export/", samples.sample_export, name="sample-export"),
]

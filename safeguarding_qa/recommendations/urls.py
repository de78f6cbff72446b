from django.urls import path

from .views import actions, files, importing, recommendations, register, reminders, summary

app_name = "recommendations"

urlpatterns = [
    path("", register.register, name="register"),
    path("export.<str:fmt>", register.register_export, name="register-export"),
    path("summary/", summary.register_summary, name="summary"),
    path("import/", importing.register_import_view, name="register-import"),
    path("import/template.xlsx", importing.import_template, name="import-template"),
    path("import/errors.csv", importing.import_errors, name="import-errors"),
    path("reminders/", reminders.reminder_settings, name="reminder-settings"),
    path("add/", recommendations.recommendation_create_view, name="recommendation-create"),
    path("<int:pk>/", recommendations.recommendation_detail, name="recommendation-detail"),
    path("<int:pk>/edit/", recommendations.recommendation_edit, name="recommendation-edit"),
    path(
        "<int:pk>/history/", recommendations.recommendation_history, name="recommendation-history"
    ),
    path("<int:pk>/evidence/add/", recommendations.evidence_add, name="evidence-add"),
    path("<int:pk>/embedded/", recommendations.recommendation_embed, name="recommendation-embed"),
    path("<int:pk>/actions/add/", actions.action_create_view, name="action-create"),
    path("evidence/<int:pk>/file/", files.evidence_file, name="evidence-file"),
    path("actions/", actions.action_list, name="action-list"),
    path("actions/<int:pk>/", actions.action_detail, name="action-detail"),
    path("actions/<int:pk>/edit/", actions.action_edit, name="action-edit"),
    path("actions/<int:pk>/progress/", actions.action_progress, name="action-progress"),
    path("actions/<int:pk>/sign-off/", actions.action_sign_off_view, name="action-sign-off"),
    path("updates/<int:pk>/file/", files.update_file, name="update-file"),
]

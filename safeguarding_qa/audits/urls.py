from django.urls import path

from .views import audits, cases, links, panel, returns

app_name = "audits"

urlpatterns = [
    path("", audits.audit_list, name="audit-list"),
    path("add/", audits.audit_create_view, name="audit-create"),
    path("programme/", links.programme_items, name="programme-items"),
    path("programme/<int:item_pk>/add/", links.audit_from_programme, name="audit-from-programme"),
    path("questions/", audits.question_list, name="question-list"),
    path("questions/add/", audits.question_create_view, name="question-create"),
    path("scales/", audits.scale_list, name="scale-list"),
    path("scales/add/", audits.scale_create_view, name="scale-create"),
    path("<int:pk>/", audits.audit_detail, name="audit-detail"),
    path("<int:pk>/edit/", audits.audit_edit, name="audit-edit"),
    path("<int:pk>/aims/bank/", audits.audit_add_questions_view, name="aim-add-questions"),
    path("<int:pk>/aims/write/", audits.audit_write_aim_view, name="aim-write"),
    path("<int:pk>/stage/", audits.audit_move_view, name="audit-move"),
    path("<int:pk>/cases/add/", audits.case_add_view, name="case-add"),
    path("<int:pk>/cases/from-sample/", links.cases_from_sample, name="cases-from-sample"),
    path("<int:pk>/recommendations/add/", links.recommendation_add, name="recommendation-add"),
    path("<int:pk>/impact/add/", links.impact_add, name="impact-add"),
    path("<int:pk>/collation/", panel.audit_collation, name="audit-collation"),
    path("<int:pk>/collation.xlsx", panel.audit_collation_export, name="audit-collation-export"),
    path("<int:pk>/panel/summary/", panel.panel_summary, name="panel-summary"),
    path("cases/<int:pk>/", cases.case_detail, name="case-detail"),
    path("cases/<int:pk>/assign/", cases.case_assign_view, name="case-assign"),
    path("cases/<int:pk>/identifiers/", cases.case_reveal_view, name="case-reveal"),
    path("cases/<int:pk>/concern/", cases.live_concern_raise_view, name="live-concern-raise"),
    path("cases/<int:pk>/panel/", panel.panel_case, name="panel-case"),
    path(
        "concerns/<int:pk>/acknowledge/",
        cases.live_concern_acknowledge_view,
        name="live-concern-acknowledge",
    ),
    path("returns/<int:pk>/", returns.return_detail, name="return-detail"),
    path("returns/<int:pk>/edit/", returns.return_edit, name="return-edit"),
    path("returns/<int:pk>/attachment/", returns.return_attachment, name="return-attachment"),
    path("returns/<int:pk>/reopen/", returns.return_reopen_view, name="return-reopen"),
]

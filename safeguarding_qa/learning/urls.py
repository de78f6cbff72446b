from django.urls import path

from .views import briefings, dissemination, drafting, public

app_name = "learning"

urlpatterns = [
    path("", briefings.briefing_list, name="briefing-list"),
    path("add/", briefings.briefing_create_view, name="briefing-create"),
    path("from-audit/<int:audit_id>/", drafting.briefing_from_audit, name="briefing-from-audit"),
    path(
        "from-review/<int:review_id>/",
        drafting.briefing_from_review,
        name="briefing-from-review",
    ),
    path("<int:pk>/", briefings.briefing_detail, name="briefing-detail"),
    path("<int:pk>/edit/", briefings.briefing_edit, name="briefing-edit"),
    path("<int:pk>/approve/", briefings.briefing_approve_view, name="briefing-approve"),
    path("<int:pk>/publish/", briefings.briefing_publish_view, name="briefing-publish"),
    path("<int:pk>/withdraw/", briefings.briefing_withdraw_view, name="briefing-withdraw"),
    path(
        "<int:pk>/dissemination/add/",
        dissemination.dissemination_add,
        name="dissemination-add",
    ),
    path("published/", public.public_list, name="public-list"),
    path("published/<slug:slug>/", public.public_detail, name="public-detail"),
    path("published/<slug:slug>/pdf/", public.public_pdf, name="public-pdf"),
]

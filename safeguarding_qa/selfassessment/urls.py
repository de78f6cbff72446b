from django.urls import path

from .views import returns, rounds

app_name = "selfassessment"

urlpatterns = [
    path("", rounds.round_list, name="round-list"),
    path("frameworks/<int:pk>/", rounds.framework_detail, name="framework-detail"),
    path("rounds/add/", rounds.round_create_view, name="round-create"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round-detail"),
    path("rounds/<int:pk>/heat-map/", rounds.round_heatmap, name="round-heatmap"),
    path(
        "rounds/<int:pk>/standards/<int:standard_pk>/",
        rounds.round_standard,
        name="round-standard",
    ),
    path("rounds/<int:pk>/export.csv", rounds.round_export_view, name="round-export"),
    path("rounds/<int:pk>/remind/", rounds.round_remind, name="round-remind"),
    path("rounds/<int:pk>/close/", rounds.round_close_view, name="round-close"),
    path("returns/<int:pk>/", returns.return_detail, name="return-detail"),
    path("returns/<int:pk>/submit/", returns.return_submit, name="return-submit"),
    path(
        "returns/<int:pk>/answers/<int:answer_pk>/",
        returns.answer_edit,
        name="answer-edit",
    ),
    path(
        "returns/<int:pk>/answers/<int:answer_pk>/moderate/",
        returns.answer_moderate_view,
        name="answer-moderate",
    ),
    path(
        "returns/<int:pk>/answers/<int:answer_pk>/to-register/",
        returns.answer_to_register,
        name="answer-to-register",
    ),
    path(
        "returns/<int:pk>/answers/<int:answer_pk>/respond/",
        returns.answer_respond,
        name="answer-respond",
    ),
]

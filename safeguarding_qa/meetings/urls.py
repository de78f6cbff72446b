from django.urls import path

from .views import agenda, attendance, meetings

app_name = "meetings"

urlpatterns = [
    path("", meetings.meeting_list, name="meeting-list"),
    path("add/", meetings.meeting_create_view, name="meeting-create"),
    path("attendance/", attendance.attendance_statistics, name="attendance-statistics"),
    path("<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path("<int:pk>/edit/", meetings.meeting_edit, name="meeting-edit"),
    path("<int:pk>/minutes/", meetings.meeting_minutes, name="meeting-minutes"),
    path("<int:pk>/calendar.ics", meetings.meeting_calendar, name="meeting-calendar"),
    path("<int:pk>/agenda/add/", agenda.agenda_item_add_view, name="agenda-item-add"),
    path(
        "<int:pk>/agenda/suggested/",
        agenda.agenda_suggestions_add_view,
        name="agenda-suggestions-add",
    ),
    path(
        "<int:meeting_pk>/agenda/<int:pk>/move/",
        agenda.agenda_item_move_view,
        name="agenda-item-move",
    ),
    path(
        "<int:meeting_pk>/agenda/<int:pk>/remove/",
        agenda.agenda_item_remove_view,
        name="agenda-item-remove",
    ),
    path("<int:pk>/papers/add/", agenda.paper_add_view, name="paper-add"),
    path(
        "<int:meeting_pk>/papers/<int:pk>/remove/",
        agenda.paper_remove_view,
        name="paper-remove",
    ),
    path(
        "<int:meeting_pk>/papers/<int:pk>/download/",
        agenda.paper_download,
        name="paper-download",
    ),
    path("<int:pk>/attendance/", attendance.attendance_record_view, name="attendance-record"),
    path("<int:pk>/decisions/add/", attendance.decision_add_view, name="decision-add"),
]

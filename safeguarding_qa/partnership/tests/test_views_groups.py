"""Group pages: list, detail, membership history, forms, query counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from safeguarding_qa.accounts.models import User
from safeguarding_qa.partnership.choices import GroupKind, GroupRole, MeetingFrequency
from safeguarding_qa.partnership.models import Group, Membership

from .conftest import change_events, events_of

pytestmark = pytest.mark.django_db
LIST = reverse("partnership:group-list")
CREATE = reverse("partnership:group-create")


def _url(name: str, group: Group) -> str:
    return reverse(f"partnership:{name}", kwargs={"pk": group.pk})


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def _people(organisation, count: int) -> list[User]:
    return User.objects.bulk_create(
        User(email=f"member{n}@example.org", full_name=f"Member {n:02}", organisation=organisation)
        for n in range(count)
    )


def test_list_shows_groups_with_their_current_members(client_as, group, membership):
    response = client_as("auditor_hospital").get(LIST)

    page = response.content.decode()
    assert "1 group" in page
    assert [(g.name, g.current_members) for g in response.context["page_obj"]] == [
        ("Test Review Group", 1)
    ]
    assert f'href="{CREATE}"' not in page


def test_list_without_groups_has_an_empty_state(client_as):
    admin_page = client_as("admin").get(LIST).content.decode()

    assert "There are no groups yet." in admin_page
    assert f'href="{CREATE}"' in admin_page


def test_list_pages_with_a_fixed_number_of_queries(
    client_as, organisations, django_assert_num_queries
):
    client = client_as("viewer")
    client.get(LIST)
    groups = Group.objects.bulk_create(
        Group(name=f"Group {n:02}", kind=GroupKind.OTHER) for n in range(30)
    )
    people = _people(organisations["council"], 3)
    Membership.objects.bulk_create(
        Membership(group=g, person=p, started_on=date(2024, 1, 1)) for g in groups for p in people
    )

    with django_assert_num_queries(12):
        response = client.get(LIST)

    assert len(response.context["page_obj"]) == 25
    assert {g.current_members for g in response.context["page_obj"]} == {3}


def test_detail_shows_purpose_members_and_the_history_link(client_as, group, membership):
    response = client_as("viewer").get(_url("group-detail", group))

    page = response.content.decode()
    assert "Considers serious incidents." in page
    assert "Gideon Trewartha" in page
    assert "Fellshire Constabulary" in page
    assert "1 April 2024" in page
    assert _url("group-history", group) in page
    assert _url("membership-add", group) not in page
    assert "Change role" not in page


def test_detail_offers_membership_changes_to_administrators(client_as, group, membership):
    page = client_as("admin").get(_url("group-detail", group)).content.decode()

    assert _url("membership-add", group) in page
    assert reverse("partnership:membership-end", args=[group.pk, membership.pk]) in page
    assert reverse("partnership:membership-change-role", args=[group.pk, membership.pk]) in page


def test_detail_shows_a_membership_not_started_yet(client_as, group, personas):
    Membership.objects.create(
        group=group, person=personas["viewer"], started_on=timezone.localdate() + timedelta(days=10)
    )

    page = client_as("viewer").get(_url("group-detail", group)).content.decode()

    assert "Not started yet" in page


def test_detail_runs_a_fixed_number_of_queries_however_many_members(
    client_as, group, organisations, django_assert_num_queries
):
    client = client_as("viewer")
    client.get(_url("group-detail", group))
    Membership.objects.bulk_create(
        Membership(group=group, person=p, started_on=date(2024, 1, 1))
        for p in _people(organisations["police"], 30)
    )

    with django_assert_num_queries(12):
        response = client.get(_url("group-detail", group))

    assert response.content.decode().count("Fellshire Constabulary") == 30


def test_history_groups_every_membership_by_year_with_reasons(client_as, group, personas):
    Membership.objects.create(group=group, person=personas["chair"], started_on=date(2023, 4, 1))
    Membership.objects.create(
        group=group,
        person=personas["scrutineer"],
        started_on=date(2023, 4, 1),
        ended_on=date(2025, 3, 31),
        end_reason="Replaced at the membership review.",
    )
    Membership.objects.create(
        group=group, person=personas["lay_member"], started_on=date(2025, 4, 1)
    )

    page = client_as("lead_police").get(_url("group-history", group)).content.decode()

    assert page.index("Joined in 2025") < page.index("Joined in 2023")
    assert page.index("Harriet Polglase") < page.index("Joined in 2023")
    assert "31 March 2025" in page
    assert "Replaced at the membership review." in page


def test_history_without_memberships_says_so(client_as, group):
    page = client_as("viewer").get(_url("group-history", group)).content.decode()

    assert "Nobody has been a member of Test Review Group yet." in page


def test_history_pages_with_a_fixed_number_of_queries(
    client_as, group, organisations, django_assert_num_queries
):
    client = client_as("viewer")
    client.get(_url("group-history", group))
    Membership.objects.bulk_create(
        Membership(
            group=group,
            person=p,
            started_on=date(2020 + n % 5, 1, 1),
            ended_on=date(2025, 1, 1),
            end_reason="Term ended.",
        )
        for n, p in enumerate(_people(organisations["police"], 30))
    )

    with django_assert_num_queries(13):
        response = client.get(_url("group-history", group))
    second = client.get(_url("group-history", group), {"page": "2"})

    assert len(response.context["page_obj"]) == 25
    assert len(second.context["page_obj"]) == 5


def test_create_adds_the_group(client_as):
    response = client_as("admin_icb").post(
        CREATE,
        {
            "name": "Neglect Task Group",
            "kind": GroupKind.OTHER,
            "meeting_frequency": MeetingFrequency.MONTHLY,
        },
        follow=True,
    )

    group = Group.objects.get()
    assert response.redirect_chain == [(_url("group-detail", group), 302)]
    assert _messages(response) == ["Neglect Task Group has been added."]
    assert change_events() == ["group.created"]


def test_create_with_missing_answers_shows_errors_and_adds_nothing(client_as):
    response = client_as("admin").post(CREATE, {})

    page = response.content.decode()
    assert "<title>Error: Add a group" in page
    assert "Enter the group&#x27;s name" in page
    assert "Select the kind of group" in page
    assert "Select how often the group meets" in page
    assert Group.objects.count() == 0


def test_edit_saves_changes_and_can_close_the_group(client_as, group):
    response = client_as("admin").post(
        _url("group-edit", group),
        {
            "name": group.name,
            "kind": group.kind,
            "meeting_frequency": MeetingFrequency.QUARTERLY,
            "purpose": group.purpose,
        },
        follow=True,
    )

    group.refresh_from_db()
    assert (group.meeting_frequency, group.is_active) == ("quarterly", False)
    assert _messages(response) == ["Test Review Group has been changed."]
    [event] = events_of("group.changed")
    assert event.after == {"meeting_frequency": "quarterly", "is_active": False}


def test_edit_with_a_duplicate_name_changes_nothing(client_as, group):
    Group.objects.create(name="Steering Group", kind=GroupKind.STEERING_GROUP)

    response = client_as("admin").post(
        _url("group-edit", group),
        {"name": "steering group", "kind": group.kind, "meeting_frequency": "monthly"},
    )

    page = response.content.decode()
    assert "<title>Error: Change Test Review Group" in page
    assert "A group called steering group already exists." in page
    group.refresh_from_db()
    assert (group.name, group.meeting_frequency) == ("Test Review Group", "as_required")
    assert change_events() == []


def test_role_names_are_in_plain_english(client_as, group, personas):
    Membership.objects.create(
        group=group,
        person=personas["chair"],
        role=GroupRole.VICE_CHAIR,
        started_on=date(2024, 1, 1),
    )

    page = client_as("viewer").get(_url("group-detail", group)).content.decode()

    assert "Vice-chair" in page

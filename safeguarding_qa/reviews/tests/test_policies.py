"""Need-to-know: incidents only for the review group and administrators."""

from __future__ import annotations

import pytest

from safeguarding_qa.reviews.policies import incidents, information_requests, practice_reviews

pytestmark = pytest.mark.django_db

GROUP = {"admin", "admin_icb", "chair", "lead_police"}
EVERYONE_ELSE = {
    "qa_lead",
    "lead_council",
    "lead_hospital",
    "auditor_council",
    "auditor_police",
    "auditor_hospital",
    "scrutineer",
    "lay_member",
    "viewer",
    "viewer_police",
}


def test_only_the_review_group_and_administrators_see_incidents(access_as, incident):
    for key in GROUP:
        assert list(incidents.scope(access_as(key))) == [incident], key
    for key in EVERYONE_ELSE:
        assert not incidents.scope(access_as(key)).exists(), key
        assert not incidents.can(access_as(key), "view"), key


def test_an_ended_membership_no_longer_opens_incidents(access_as, incident, review_group):
    membership = review_group.memberships.get(person__email__startswith="lead.police")
    membership.ended_on = membership.started_on
    membership.save()
    assert not incidents.scope(access_as("lead_police")).exists()


def test_group_members_whose_role_cannot_manage_only_read(access_as, incident):
    assert incidents.can(access_as("lead_police"), "view", incident)
    assert not incidents.can(access_as("lead_police"), "manage", incident)
    assert incidents.can(access_as("chair"), "manage", incident)


def test_agencies_see_only_their_own_information_request(access_as, council_request):
    assert list(information_requests.scope(access_as("lead_council"))) == [council_request]
    assert not information_requests.scope(access_as("lead_hospital")).exists()
    assert not information_requests.scope(access_as("auditor_council")).exists()
    assert information_requests.can(access_as("lead_council"), "submit", council_request)
    assert not information_requests.can(access_as("lead_police"), "submit", council_request)


def test_everyone_reads_the_register_and_chairs_change_it(access_as, review):
    assert practice_reviews.can(access_as("viewer"), "view", review)
    assert not practice_reviews.can(access_as("viewer"), "manage", review)
    assert practice_reviews.can(access_as("qa_lead"), "manage", review)

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeguarding_qa.partnership.choices import Sector
from safeguarding_qa.partnership.models import Organisation
from safeguarding_qa.selfassessment import selectors
from safeguarding_qa.selfassessment.choices import ModerationStatus, ReturnStatus
from safeguarding_qa.selfassessment.models import Round, StandardReturn

from .factories import challenge, fill, make_round, section_11

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    """Queries of a warm request (the first request of a session does one-off work)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _big_round(organisations, personas, *, extra: int, previous: Round | None = None) -> Round:
    orgs = list(organisations.values())
    orgs += [
        Organisation.objects.create(name=f"Brackenmoor School {n}", sector=Sector.EDUCATION)
        for n in range(extra)
    ]
    round_ = make_round(organisations=orgs, year=2030 + extra, previous=previous)
    for sa in round_.self_assessments.all():
        fill(sa, "green", submit=True, by=personas["admin"])
    return round_


class TestQueryCounts:
    """Each page runs the same number of queries whatever the number of rows."""

    def test_round_list(self, client_as):
        client = client_as("chair")
        Round.objects.create(
            framework=section_11(), year=2001, opens_on=date(2001, 4, 1), due_on=date(2001, 6, 1)
        )
        few = _queries(client, reverse("selfassessment:round-list"))
        for year in range(2002, 2030):
            Round.objects.create(
                framework=section_11(),
                year=year,
                opens_on=date(year, 4, 1),
                due_on=date(year, 6, 1),
            )
        assert _queries(client, reverse("selfassessment:round-list")) == few

    @pytest.mark.parametrize("name", ["round-detail", "round-heatmap", "round-standard"])
    def test_round_pages(self, client_as, organisations, personas, name):
        client = client_as("chair")
        counts = []
        previous = make_round(organisations=[organisations["council"]], year=2020)
        for extra in (0, 30):
            round_ = _big_round(organisations, personas, extra=extra, previous=previous)
            previous = round_
            kwargs = {"pk": round_.pk}
            if name == "round-standard":
                kwargs["standard_pk"] = section_11().standards.earliest("order").pk
            counts.append(_queries(client, reverse(f"selfassessment:{name}", kwargs=kwargs)))
        assert counts[0] == counts[1]

    def test_return_detail(self, client_as, organisations, personas):
        client = client_as("chair")
        base = make_round(organisations=[organisations["council"]], year=2020)
        first = _big_round(organisations, personas, extra=0, previous=base)
        second = _big_round(organisations, personas, extra=1, previous=first)
        counts = [
            _queries(
                client,
                reverse(
                    "selfassessment:return-detail",
                    args=[r.self_assessments.get(organisation=organisations["council"]).pk],
                ),
            )
            for r in (first, second)
        ]
        assert counts[0] == counts[1]


class TestJourney:
    def test_admin_opens_a_round(self, client_as, organisations):
        response = client_as("admin").post(
            reverse("selfassessment:round-create"),
            {
                "framework": section_11().pk,
                "year": "2026",
                "opens_on_day": "1",
                "opens_on_month": "4",
                "opens_on_year": "2026",
                "due_on_day": "30",
                "due_on_month": "6",
                "due_on_year": "2026",
                "organisations": [organisations["council"].pk, organisations["police"].pk],
            },
        )
        round_ = Round.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("selfassessment:round-detail", args=[round_.pk])
        assert round_.self_assessments.count() == 2

    def test_bad_round_input_shows_errors_and_changes_nothing(self, client_as):
        response = client_as("admin").post(
            reverse("selfassessment:round-create"),
            {
                "year": "26",
                "opens_on_day": "1",
                "opens_on_month": "4",
                "opens_on_year": "2026",
                "due_on_day": "1",
                "due_on_month": "3",
                "due_on_year": "2026",
            },
        )
        assert response.status_code == 200
        content = response.content.decode()
        assert "Select the framework" in content
        assert "Enter a year between 2000 and 2100" in content
        assert "The due date must be on or after the date the round opens" in content
        assert "Select at least one organisation" in content
        assert not Round.objects.exists()

    def test_lead_completes_and_submits(self, client_as, returns):
        client = client_as("lead_council")
        council = returns["council"]
        page = client.get(reverse("selfassessment:return-detail", args=[council.pk]))
        assert "9 standards still need a rating" in page.content.decode()
        for answer in council.answers.all():
            response = client.post(
                reverse("selfassessment:answer-edit", args=[council.pk, answer.pk]),
                {"self_rating": "green", "evidence": "Audit of 10 files.", "planned_actions": ""},
            )
            assert response.status_code == 302
        page = client.get(reverse("selfassessment:return-detail", args=[council.pk]))
        assert "Submit the return" in page.content.decode()
        client.post(reverse("selfassessment:return-submit", args=[council.pk]))
        council.refresh_from_db()
        assert council.status == ReturnStatus.SUBMITTED

    def test_an_empty_answer_is_refused(self, client_as, returns):
        council = returns["council"]
        answer = council.answers.first()
        response = client_as("lead_council").post(
            reverse("selfassessment:answer-edit", args=[council.pk, answer.pk]),
            {"self_rating": "", "evidence": ""},
        )
        assert response.status_code == 200
        assert "Select a rating: red, amber or green" in response.content.decode()
        assert "Enter the evidence for your rating" in response.content.decode()
        answer.refresh_from_db()
        assert answer.self_rating == ""

    def test_submitting_an_incomplete_return_explains_why(self, client_as, returns):
        council = returns["council"]
        response = client_as("lead_council").post(
            reverse("selfassessment:return-submit", args=[council.pk])
        )
        assert response.status_code == 200
        assert "Still to complete" in response.content.decode()
        council.refresh_from_db()
        assert council.status == ReturnStatus.DRAFT

    def test_chair_challenges_and_lead_responds(self, client_as, returns, personas):
        hospital = returns["hospital"]
        fill(hospital, "green", submit=True, by=personas["lead_hospital"])
        answer = hospital.answers.first()
        url = reverse("selfassessment:answer-moderate", args=[hospital.pk, answer.pk])
        response = client_as("chair").post(url, {"decision": "challenge", "note": ""})
        assert "Enter what the organisation should respond to" in response.content.decode()
        client_as("chair").post(url, {"decision": "challenge", "note": "Which wards?"})
        answer.refresh_from_db()
        assert answer.moderation_status == ModerationStatus.CHALLENGED
        page = client_as("lead_hospital").get(
            reverse("selfassessment:return-detail", args=[hospital.pk])
        )
        assert "Respond to the challenge" in page.content.decode()
        client_as("lead_hospital").post(
            reverse("selfassessment:answer-respond", args=[hospital.pk, answer.pk]),
            {"response": "Two of five wards.", "self_rating": "amber"},
        )
        answer.refresh_from_db()
        assert (answer.moderation_status, answer.self_rating) == ("responded", "amber")

    def test_closing_with_a_challenge_open_is_refused_with_a_reason(
        self, client_as, open_round, returns, personas
    ):
        fill(returns["police"], submit=True, by=personas["lead_police"])
        challenge(returns["police"].answers.first())
        response = client_as("admin").post(
            reverse("selfassessment:round-close", args=[open_round.pk])
        )
        assert response.status_code == 200
        assert "Settle them before closing the round" in response.content.decode()
        open_round.refresh_from_db()
        assert open_round.is_open


class TestHeatmap:
    def test_shows_agreed_ratings_and_change_from_last_round(
        self, client_as, organisations, personas
    ):
        last = make_round(organisations=[organisations["council"]], year=2024)
        fill(last.self_assessments.get(), "amber", submit=True, by=personas["lead_council"])
        current = make_round(
            organisations=[organisations["council"], organisations["police"]], previous=last
        )
        council = current.self_assessments.get(organisation=organisations["council"])
        fill(council, "green", submit=True, by=personas["lead_council"])
        StandardReturn.objects.filter(self_assessment=council, standard__number="1").update(
            moderated_rating="red", moderation_status=ModerationStatus.AGREED
        )
        heat = selectors.heatmap(round_=current)
        council_row = next(r for r in heat.rows if r.organisation == organisations["council"])
        assert council_row.cells[0].rating == "red"
        assert council_row.cells[0].change == "worse"
        assert council_row.cells[1].change == "better"
        police_row = next(r for r in heat.rows if r.organisation == organisations["police"])
        assert not police_row.submitted
        assert heat.summaries[1].counts == {"red": 0, "amber": 0, "green": 1}
        assert heat.summaries[1].previous_counts == {"red": 0, "amber": 1, "green": 0}
        page = (
            client_as("scrutineer")
            .get(reverse("selfassessment:round-heatmap", args=[current.pk]))
            .content.decode()
        )
        assert "better than Amber" in page
        assert "Not returned" in page


class TestExport:
    def _round(self, returns, personas):
        fill(returns["council"], "green", submit=True, by=personas["lead_council"])
        returns["council"].answers.update(evidence='=HYPERLINK("x")')
        fill(returns["police"], "amber")

    def test_oversight_downloads_every_organisation(self, client_as, open_round, returns, personas):
        self._round(returns, personas)
        response = client_as("chair").get(
            reverse("selfassessment:round-export", args=[open_round.pk])
        )
        text = b"".join(response.streaming_content).decode()
        assert text.count("\n") == 1 + 27
        assert "'=HYPERLINK" in text
        assert "Fellshire Constabulary" in text

    def test_a_lead_downloads_only_their_own_organisation(
        self, client_as, open_round, returns, personas
    ):
        self._round(returns, personas)
        response = client_as("lead_police").get(
            reverse("selfassessment:round-export", args=[open_round.pk])
        )
        text = b"".join(response.streaming_content).decode()
        assert text.count("\n") == 1 + 9
        assert "Brackenmoor Council" not in text


def test_what_needs_me_lists_the_leads_outstanding_return(access_of, returns, personas):
    fill(returns["police"], submit=True, by=personas["lead_police"])
    assert selectors.outstanding_for(access=access_of("lead_council")) == [returns["council"]]
    assert selectors.outstanding_for(access=access_of("lead_police")) == []
    challenge(returns["police"].answers.first())
    assert selectors.outstanding_for(access=access_of("lead_police")) == [returns["police"]]
    assert selectors.outstanding_for(access=access_of("scrutineer")) == []


def test_every_page_is_well_formed(client_as, open_round, returns, personas):
    """Each GET page renders valid HTML with one <h1> that starts the title."""
    fill(returns["council"])
    fill(returns["police"], submit=True, by=personas["lead_police"])
    fill(returns["hospital"], submit=True, by=personas["lead_hospital"])
    police_answer = returns["police"].answers.earliest("pk")
    challenge(police_answer)
    council_answer = returns["council"].answers.earliest("pk")
    hospital_answer = returns["hospital"].answers.earliest("pk")
    pages = {
        "admin": [
            reverse("selfassessment:framework-detail", args=[section_11().pk]),
            reverse("selfassessment:round-create"),
            reverse("selfassessment:round-remind", args=[open_round.pk]),
            reverse("selfassessment:round-close", args=[open_round.pk]),
            reverse("selfassessment:return-submit", args=[returns["council"].pk]),
            reverse("selfassessment:answer-edit", args=[returns["council"].pk, council_answer.pk]),
        ],
        "chair": [
            reverse("selfassessment:round-list"),
            reverse("selfassessment:return-detail", args=[returns["police"].pk]),
            reverse(
                "selfassessment:answer-moderate", args=[returns["hospital"].pk, hospital_answer.pk]
            ),
        ],
        "lead_police": [
            reverse("selfassessment:return-detail", args=[returns["police"].pk]),
            reverse("selfassessment:answer-respond", args=[returns["police"].pk, police_answer.pk]),
        ],
    }
    for persona, urls in pages.items():
        client = client_as(persona)
        for url in urls:
            assert client.get(url).status_code == 200, url

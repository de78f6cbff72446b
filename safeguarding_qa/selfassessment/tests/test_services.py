from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.selfassessment.choices import ModerationStatus, ReturnStatus, RoundStatus
from safeguarding_qa.selfassessment.models import Round, SelfAssessment, StandardReturn
from safeguarding_qa.selfassessment.services.returns import (
    answer_moderate,
    answer_save,
    challenge_respond,
    self_assessment_submit,
)
from safeguarding_qa.selfassessment.services.rounds import (
    round_close,
    round_create,
    round_send_reminders,
    send_due_reminders,
)

from .factories import challenge, fill, make_round, section_11

pytestmark = pytest.mark.django_db


def _kinds() -> list[str]:
    return list(AuditEvent.objects.order_by("sequence").values_list("kind", flat=True))


def _create(access, organisations, year=2026, **extra):
    return round_create(
        access=access,
        framework=section_11(),
        year=year,
        opens_on=date(year, 4, 1),
        due_on=date(year, 6, 30),
        organisations=[organisations["council"], organisations["police"]],
        **extra,
    )


class TestRoundCreate:
    def test_creates_a_return_per_organisation_and_an_answer_per_standard(
        self, access_of, organisations
    ):
        round_ = _create(access_of("admin"), organisations)
        assert round_.self_assessments.count() == 2
        assert StandardReturn.objects.filter(self_assessment__round=round_).count() == 18
        assert _kinds()[-1] == "self_assessment.round_created"

    def test_carries_forward_last_rounds_answers(self, access_of, organisations):
        earlier = make_round(organisations=[organisations["council"]], year=2025)
        fill(earlier.self_assessments.get(), "red")
        round_ = _create(access_of("admin"), organisations)
        assert round_.previous == earlier
        council = round_.self_assessments.get(organisation=organisations["council"])
        assert set(council.answers.values_list("self_rating", "carried_forward")) == {("red", True)}
        police = round_.self_assessments.get(organisation=organisations["police"])
        assert set(police.answers.values_list("self_rating", "carried_forward")) == {("", False)}

    def test_without_carry_forward_answers_start_empty(self, access_of, organisations):
        fill(make_round(organisations=[organisations["council"]], year=2025).self_assessments.get())
        round_ = _create(access_of("admin"), organisations, carry_forward=False)
        assert not StandardReturn.objects.filter(
            self_assessment__round=round_, carried_forward=True
        ).exists()

    def test_refuses_a_second_round_for_the_same_year(self, access_of, organisations):
        _create(access_of("admin"), organisations)
        with pytest.raises(ValidationError) as error:
            _create(access_of("admin"), organisations)
        assert "already has a round" in str(error.value)
        assert Round.objects.count() == 1

    def test_refuses_a_round_without_organisations(self, access_of):
        with pytest.raises(ValidationError):
            round_create(
                access=access_of("admin"),
                framework=section_11(),
                year=2026,
                opens_on=date(2026, 4, 1),
                due_on=date(2026, 6, 30),
                organisations=[],
            )
        assert not Round.objects.exists()

    def test_refuses_a_due_date_before_opening(self, access_of, organisations):
        with pytest.raises(ValidationError):
            round_create(
                access=access_of("admin"),
                framework=section_11(),
                year=2026,
                opens_on=date(2026, 4, 1),
                due_on=date(2026, 3, 1),
                organisations=[organisations["council"]],
            )
        assert not Round.objects.exists()

    @pytest.mark.parametrize("persona", ["chair", "lead_council", "scrutineer"])
    def test_only_administrators_open_rounds(self, access_of, organisations, persona):
        with pytest.raises(PermissionDenied):
            _create(access_of(persona), organisations)
        assert not Round.objects.exists()


class TestAnswers:
    def test_the_lead_saves_an_answer_and_it_is_recorded(self, access_of, returns):
        answer = returns["council"].answers.first()
        answer.carried_forward = True
        answer.save()
        answer_save(
            access=access_of("lead_council"),
            answer=answer,
            self_rating="amber",
            evidence=" Audit of 12 files ",
            planned_actions="Re-audit in March",
        )
        answer.refresh_from_db()
        assert (answer.self_rating, answer.evidence, answer.carried_forward) == (
            "amber",
            "Audit of 12 files",
            False,
        )
        event = AuditEvent.objects.get(kind="self_assessment.answer_saved")
        assert (event.after or {})["self_rating"] == "amber"
        assert event.organisation_name == str(returns["council"].organisation)

    @pytest.mark.parametrize("persona", ["lead_police", "chair", "admin_icb", "scrutineer"])
    def test_no_one_else_answers_for_the_organisation(self, access_of, returns, persona):
        answer = returns["council"].answers.first()
        with pytest.raises(PermissionDenied):
            answer_save(
                access=access_of(persona),
                answer=answer,
                self_rating="green",
                evidence="x",
                planned_actions="",
            )
        answer.refresh_from_db()
        assert answer.self_rating == ""

    def test_a_submitted_return_cannot_be_changed(self, access_of, returns, personas):
        fill(returns["police"], submit=True, by=personas["lead_police"])
        with pytest.raises(PermissionDenied):
            answer_save(
                access=access_of("lead_police"),
                answer=returns["police"].answers.first(),
                self_rating="green",
                evidence="x",
                planned_actions="",
            )

    def test_a_rating_outside_red_amber_green_is_refused(self, access_of, returns):
        answer = returns["council"].answers.first()
        with pytest.raises(ValidationError):
            answer_save(
                access=access_of("lead_council"),
                answer=answer,
                self_rating="purple",
                evidence="x",
                planned_actions="",
            )
        answer.refresh_from_db()
        assert answer.self_rating == ""


class TestSubmit:
    def test_refuses_an_incomplete_return(self, access_of, returns):
        with pytest.raises(ValidationError) as error:
            self_assessment_submit(
                access=access_of("lead_council"), self_assessment=returns["council"]
            )
        assert "standards 1, 2" in str(error.value)
        returns["council"].refresh_from_db()
        assert returns["council"].status == ReturnStatus.DRAFT

    def test_submits_a_complete_return(self, access_of, returns, personas):
        fill(returns["council"])
        self_assessment_submit(access=access_of("lead_council"), self_assessment=returns["council"])
        returns["council"].refresh_from_db()
        assert returns["council"].status == ReturnStatus.SUBMITTED
        assert returns["council"].submitted_by == personas["lead_council"]
        event = AuditEvent.objects.get(kind="self_assessment.return_submitted")
        assert event.data == {"late": False}

    def test_records_a_late_submission(self, access_of, organisations):
        round_ = make_round(organisations=[organisations["council"]], due_on=date(2020, 6, 30))
        sa = round_.self_assessments.get()
        fill(sa)
        self_assessment_submit(access=access_of("lead_council"), self_assessment=sa)
        assert AuditEvent.objects.get(kind="self_assessment.return_submitted").data == {
            "late": True
        }


class TestModeration:
    def _submitted(self, returns, personas) -> StandardReturn:
        fill(returns["hospital"], "green", submit=True, by=personas["lead_hospital"])
        return returns["hospital"].answers.first()

    def test_a_challenge_needs_a_note(self, access_of, returns, personas):
        answer = self._submitted(returns, personas)
        with pytest.raises(ValidationError):
            answer_moderate(access=access_of("chair"), answer=answer, decision="challenge")
        answer.refresh_from_db()
        assert answer.moderation_status == ModerationStatus.PENDING

    def test_challenge_then_response_then_agreement(self, access_of, returns, personas):
        answer = self._submitted(returns, personas)
        answer_moderate(
            access=access_of("chair"), answer=answer, decision="challenge", note="Show the audit."
        )
        assert answer.moderation_status == ModerationStatus.CHALLENGED
        challenge_respond(
            access=access_of("lead_hospital"),
            answer=answer,
            response="Only two wards audited; we agree amber.",
            self_rating="amber",
        )
        assert (answer.moderation_status, answer.self_rating) == ("responded", "amber")
        answer_moderate(access=access_of("qa_lead"), answer=answer, decision="agree")
        answer.refresh_from_db()
        assert answer.moderation_status == ModerationStatus.AGREED
        assert _kinds()[-3:] == [
            "self_assessment.answer_moderated",
            "self_assessment.challenge_answered",
            "self_assessment.answer_moderated",
        ]

    def test_the_subgroup_can_agree_a_different_rating(self, access_of, returns, personas):
        answer = self._submitted(returns, personas)
        answer_moderate(
            access=access_of("chair"), answer=answer, decision="agree", moderated_rating="amber"
        )
        answer.refresh_from_db()
        assert answer.moderated_rating == "amber"

    def test_a_draft_cannot_be_moderated(self, access_of, returns):
        with pytest.raises(PermissionDenied):
            answer_moderate(
                access=access_of("chair"),
                answer=returns["council"].answers.first(),
                decision="agree",
            )

    @pytest.mark.parametrize("persona", ["lead_hospital", "scrutineer"])
    def test_only_moderators_moderate(self, access_of, returns, personas, persona):
        answer = self._submitted(returns, personas)
        with pytest.raises(PermissionDenied):
            answer_moderate(access=access_of(persona), answer=answer, decision="agree")

    def test_only_the_organisation_responds_to_a_challenge(self, access_of, returns, personas):
        answer = self._submitted(returns, personas)
        challenge(answer)
        for persona in ("lead_police", "chair", "admin"):
            with pytest.raises(PermissionDenied):
                challenge_respond(
                    access=access_of(persona), answer=answer, response="x", self_rating="red"
                )
        answer.refresh_from_db()
        assert answer.challenge_response == ""


class TestClose:
    def test_refused_while_a_challenge_waits(self, access_of, open_round, returns, personas):
        fill(returns["police"], submit=True, by=personas["lead_police"])
        challenge(returns["police"].answers.first())
        with pytest.raises(ValidationError) as error:
            round_close(access=access_of("admin"), round_=open_round)
        assert "1 challenge still waiting" in str(error.value)
        open_round.refresh_from_db()
        assert open_round.status == RoundStatus.OPEN

    def test_closes_and_stops_further_answers(self, access_of, open_round, returns):
        round_close(access=access_of("admin"), round_=open_round)
        assert open_round.status == RoundStatus.CLOSED
        assert open_round.closed_at is not None
        with pytest.raises(PermissionDenied):
            answer_save(
                access=access_of("lead_council"),
                answer=StandardReturn.objects.filter(self_assessment=returns["council"]).earliest(
                    "pk"
                ),
                self_rating="green",
                evidence="x",
                planned_actions="",
            )


class TestReminders:
    def test_reminds_the_leads_of_outstanding_organisations(
        self, access_of, open_round, returns, personas, django_capture_on_commit_callbacks
    ):
        fill(returns["police"], submit=True, by=personas["lead_police"])
        with django_capture_on_commit_callbacks(execute=True):
            count = round_send_reminders(access=access_of("admin"), round_=open_round)
        assert count == 2
        recipients = sorted(message.to[0] for message in mail.outbox)
        assert recipients == [personas["lead_council"].email, personas["lead_hospital"].email]
        assert "is due on 30 June 2099" in mail.outbox[0].subject
        assert SelfAssessment.objects.filter(last_reminded_at__isnull=False).count() == 2
        assert AuditEvent.objects.filter(kind="self_assessment.reminders_sent").count() == 1

    def test_the_scheduled_run_skips_rounds_not_yet_near_their_due_date(
        self, open_round, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            sent = send_due_reminders(today=date(2099, 1, 1))
        assert sent == []
        assert mail.outbox == []

    def test_the_scheduled_run_reminds_once_a_week(
        self, open_round, personas, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            first = send_due_reminders(today=date(2099, 6, 25))
            second = send_due_reminders(today=date(2099, 6, 26))
        assert first == [(open_round, 3)]
        assert second == []
        assert len(mail.outbox) == 3


def test_the_reminder_command_reports_what_it_sent(open_round, personas):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("self_assessment_reminders", "--within-days", "40000", stdout=out)
    assert "reminded 3 outstanding return(s)" in out.getvalue()

"""Links to other areas: recommendations, impact evidence, practice reviews, the work
programme (and its agenda/theme plug-ins) and case-data samples."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from safeguarding_qa.audits import plugins, rules
from safeguarding_qa.audits.choices import AuditStatus
from safeguarding_qa.audits.models import Audit, AuditCase
from safeguarding_qa.audits.services import audits as audit_services
from safeguarding_qa.audits.services import links
from safeguarding_qa.audittrail.models import AuditEvent
from safeguarding_qa.programme.models import WorkProgramme
from safeguarding_qa.recommendations.models import Action, ImpactEvidence, Recommendation
from safeguarding_qa.reviews.models import PracticeReview

from .builders import make_audit, make_programme_item, make_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed(organisations: dict[str, Any]) -> Audit:
    return make_audit(
        "Agreed audit",
        [organisations["council"], organisations["police"]],
        status=AuditStatus.RECOMMENDATIONS_AGREED,
    )


def _record(access: Any, audit: Audit, organisations: list[Any]) -> Recommendation:
    return links.audit_recommendation_record(
        access=access,
        audit=audit,
        title="Consider fathers",
        text="Record the father's details in every assessment.",
        kind="multi_agency",
        organisations=organisations,
        action="Add a prompt to the assessment form.",
        due_on=date(2027, 3, 31),
        agreed_on=date(2026, 6, 1),
    )


def test_panel_recommendation_goes_to_the_register_with_actions(
    access_of_persona: Any, agreed: Audit, organisations: dict[str, Any]
) -> None:
    orgs = [organisations["council"], organisations["police"]]
    recommendation = _record(access_of_persona("chair"), agreed, orgs)
    assert recommendation.source == agreed
    assert recommendation.source_kind == "audit"
    assert Action.objects.filter(recommendation=recommendation).count() == 2
    assert AuditEvent.objects.filter(kind="audit.recommendation_recorded").count() == 1


def test_refused_recommendations_change_nothing(
    access_of_persona: Any, agreed: Audit, organisations: dict[str, Any]
) -> None:
    with pytest.raises(PermissionDenied):
        _record(access_of_persona("lead_council"), agreed, [organisations["council"]])
    with pytest.raises(ValidationError):  # not taking part
        _record(access_of_persona("chair"), agreed, [organisations["hospital"]])
    agreed.status = AuditStatus.PANEL
    agreed.save()
    with pytest.raises(PermissionDenied):  # not yet agreed
        _record(access_of_persona("chair"), agreed, [organisations["council"]])
    assert Recommendation.objects.count() == 0
    assert Action.objects.count() == 0


def test_closing_rule_needs_recommendations_with_actions() -> None:
    assert rules.closing_problems([]) == [
        "Record the panel's recommendations in the register first."
    ]
    assert rules.closing_problems([2, 0])
    assert rules.closing_problems([1, 3]) == []


def test_audit_cannot_close_until_its_recommendations_are_recorded(
    access_of_persona: Any, agreed: Audit, organisations: dict[str, Any]
) -> None:
    admin = access_of_persona("admin")
    with pytest.raises(ValidationError):
        audit_services.audit_move(access=admin, audit=agreed, target=AuditStatus.CLOSED)
    _record(admin, agreed, [organisations["council"]])
    audit = audit_services.audit_move(access=admin, audit=agreed, target=AuditStatus.CLOSED)
    assert audit.status == AuditStatus.CLOSED


def test_audit_page_lists_recommendations_and_offers_to_record(
    client_as: Any, access_of_persona: Any, agreed: Audit, organisations: dict[str, Any]
) -> None:
    _record(access_of_persona("admin"), agreed, [organisations["council"]])
    page = client_as("chair").get(reverse("audits:audit-detail", args=[agreed.pk]))
    assert "Consider fathers" in page.content.decode()
    assert reverse("audits:recommendation-add", args=[agreed.pk]) in page.content.decode()
    lead = client_as("lead_police").get(reverse("audits:audit-detail", args=[agreed.pk]))
    assert reverse("audits:recommendation-add", args=[agreed.pk]) not in lead.content.decode()


def test_recommendation_form_errors_change_nothing(client_as: Any, agreed: Audit) -> None:
    url = reverse("audits:recommendation-add", args=[agreed.pk])
    response = client_as("chair").post(url, {"title": "", "kind": "single_agency"})
    assert response.status_code == 200
    assert "Enter the recommendation" in response.content.decode()
    assert Recommendation.objects.count() == 0


def test_impact_evidence_from_a_later_audit(
    access_of_persona: Any, organisations: dict[str, Any]
) -> None:
    admin = access_of_persona("admin")
    earlier = make_audit(
        "Earlier", [organisations["council"]], status=AuditStatus.RECOMMENDATIONS_AGREED
    )
    recommendation = _record(admin, earlier, [organisations["council"]])
    later = make_audit("Re-audit", [organisations["council"]], status=AuditStatus.PANEL)
    aim = later.aims.first()
    assert aim is not None
    evidence = links.audit_impact_record(
        access=admin, audit=later, aim=aim, recommendation=recommendation, summary="Better."
    )
    assert evidence.evidence_object_id == aim.pk
    with pytest.raises(PermissionDenied):
        links.audit_impact_record(
            access=access_of_persona("lead_council"),
            audit=later,
            aim=aim,
            recommendation=recommendation,
            summary="Refused.",
        )
    assert ImpactEvidence.objects.count() == 1


def test_practice_reviews_are_chosen_in_the_audit_form(
    client_as: Any, organisations: dict[str, Any]
) -> None:
    review = PracticeReview.objects.create(name="Child Q", kind="lcspr")
    from safeguarding_qa.audits.models import GradingScale

    scale = GradingScale.objects.order_by("pk").first()
    assert scale is not None
    data = {
        "title": "Compliance audit",
        "theme": "Neglect",
        "kind": "review_compliance",
        "organisations": [organisations["council"].pk],
        "target_cases": "4",
        "scale": scale.pk,
        "practice_reviews": [review.pk],
    }
    client = client_as("admin")
    bad = client.post(reverse("audits:audit-create"), {**data, "practice_reviews": [999999]})
    assert bad.status_code == 200
    assert not Audit.objects.filter(title="Compliance audit").exists()
    response = client.post(reverse("audits:audit-create"), data)
    audit = Audit.objects.get(title="Compliance audit")
    assert response.status_code == 302
    assert list(audit.practice_reviews.all()) == [review]
    page = client.get(reverse("audits:audit-detail", args=[audit.pk]))
    assert "Child Q" in page.content.decode()


def test_audit_from_a_programme_item_links_the_item(
    client_as: Any, organisations: dict[str, Any]
) -> None:
    item = make_programme_item()
    client = client_as("admin")
    url = reverse("audits:audit-from-programme", args=[item.pk])
    form = client.get(url)
    assert "Neglect case file audit" in form.content.decode()
    from safeguarding_qa.audits.models import GradingScale

    scale = GradingScale.objects.order_by("pk").first()
    assert scale is not None
    response = client.post(
        url,
        {
            "title": item.title,
            "theme": "Neglect",
            "kind": "case_file",
            "organisations": [organisations["council"].pk],
            "target_cases": "4",
            "scale": scale.pk,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    audit = Audit.objects.get(title=item.title)
    assert item.became == audit
    assert item.status == "in_progress"
    assert client.get(url).status_code == 404  # already set up
    other = make_programme_item("Dashboard", kind="self_assessment")
    assert client.get(reverse("audits:audit-from-programme", args=[other.pk])).status_code == 404


def test_cases_from_a_sample(access_of_persona: Any, organisations: dict[str, Any]) -> None:
    audit = make_audit("Sampled", [organisations["council"]])
    sample = make_sample(3)
    members = list(sample.members.all())
    with pytest.raises(PermissionDenied):
        links.audit_cases_from_sample(
            access=access_of_persona("chair"),
            audit=audit,
            sample=sample,
            members=members,
            open_for="1_2y",
        )
    assert audit.cases.count() == 0
    cases = links.audit_cases_from_sample(
        access=access_of_persona("admin"),
        audit=audit,
        sample=sample,
        members=members[:2],
        plan_type="child_protection",
        plan_category="neglect",
        open_for="1_2y",
    )
    assert [c.reference for c in cases] == [m.reference for m in members[:2]]
    first = AuditCase.objects.get(reference=members[0].reference)
    assert first.age_band == "under_1" and first.sex == "female" and first.ethnicity == "WBRI"
    assert not first.la_child_id
    sample.refresh_from_db()
    assert sample.audit == audit and sample.sent_at is not None
    with pytest.raises(ValidationError):  # already sent
        links.audit_cases_from_sample(
            access=access_of_persona("admin"),
            audit=audit,
            sample=sample,
            members=members[2:],
            open_for="1_2y",
        )
    assert audit.cases.count() == 2


def test_sample_page_offers_only_unsent_samples(
    client_as: Any, organisations: dict[str, Any]
) -> None:
    audit = make_audit("Sampled", [organisations["council"]])
    sample = make_sample(2)
    client = client_as("admin")
    url = reverse("audits:cases-from-sample", args=[audit.pk])
    assert f'value="{sample.pk}"' in client.get(url).content.decode()
    form = client.get(f"{url}?sample={sample.pk}")
    assert "Add cases from" in form.content.decode()
    refused = client.post(f"{url}?sample={sample.pk}", {"open_for": "1_2y"})
    assert "Select at least one child" in refused.content.decode()
    assert audit.cases.count() == 0


def test_agenda_provider_suggests_panels_and_overdue_returns(
    organisations: dict[str, Any],
) -> None:
    make_audit("At panel", [organisations["council"]], status=AuditStatus.PANEL)
    late = make_audit(
        "Late one",
        [organisations["council"]],
        status=AuditStatus.RETURNS_OPEN,
        returns_due=date(2026, 1, 1),
    )
    from .builders import make_case, make_return

    make_return(make_case(late, "Case A"), organisations["council"])

    class FakeMeeting:
        starts_at = datetime(2026, 2, 1, 10, tzinfo=UTC)

    titles = [s.title for s in plugins.audit_agenda(FakeMeeting())]  # type: ignore[arg-type]
    assert titles == ["Audit panel: At panel", "Overdue audit returns: Late one"]


def test_theme_provider_suggests_themes_not_audited_recently(
    organisations: dict[str, Any],
) -> None:
    old = make_audit("Old", [organisations["council"]], status=AuditStatus.CLOSED)
    Audit.objects.filter(pk=old.pk).update(theme="Private fostering", closed_on=date(2020, 1, 1))
    make_audit("Recent", [organisations["council"]])  # Neglect, created today
    programme = WorkProgramme(year=2026)
    themes = [s.theme for s in plugins.audited_themes(programme)]
    assert themes == ["Private fostering"]


def test_link_pages_render(client_as: Any, organisations: dict[str, Any]) -> None:
    make_programme_item("Deep dive into neglect", kind="deep_dive")
    panel = make_audit("At panel", [organisations["council"]], status=AuditStatus.PANEL)
    client = client_as("admin")
    listing = client.get(reverse("audits:programme-items")).content.decode()
    assert "Deep dive into neglect" in listing
    collation = client.get(reverse("audits:audit-collation", args=[panel.pk])).content.decode()
    assert reverse("audits:impact-add", args=[panel.pk]) in collation
    impact = client.get(reverse("audits:impact-add", args=[panel.pk]))
    assert "Record results as impact evidence" in impact.content.decode()

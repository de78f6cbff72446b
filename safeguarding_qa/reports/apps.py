from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "safeguarding_qa.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import navigation

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .providers import activity, audits, dashboard, membership_sections, register
        from .providers.audit_report import audit_report_sections
        from .sections import register_annual, register_for

        register_annual("partnership", membership_sections, order=10)
        register_annual("meetings", activity.meeting_sections, order=20)
        register_annual("audits", audits.audit_sections, order=30)
        register_annual("reviews", register.review_sections, order=35)
        register_annual("recommendations", register.recommendation_sections, order=40)
        register_annual("dashboard", dashboard.dashboard_year_sections, order=50)
        register_annual("self-assessment", activity.self_assessment_sections, order=60)
        register_annual("learning", activity.learning_sections, order=70)
        register_annual("programme", activity.programme_sections, order=80)
        register_annual("future-plans", activity.future_plan_sections, order=90)
        register_for("audit", "audit-report", audit_report_sections, order=10)
        navigation.register(
            label="Reports",
            url_name="reports:report-list",
            capability=Capability.REPORTS_VIEW,
            order=110,
            section_prefix="/reports/",
        )

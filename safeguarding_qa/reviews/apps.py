from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "safeguarding_qa.reviews"
    label = "reviews"
    verbose_name = "Practice reviews"

    def ready(self) -> None:
        from safeguarding_qa.access.roles import Capability
        from safeguarding_qa.core import home, navigation
        from safeguarding_qa.meetings.plugins import register_agenda_provider

        from . import events, policies  # noqa: F401  (registers event kinds and policies)
        from .agenda import practice_review_agenda
        from .needs_me import reviews_needs_me

        register_agenda_provider("reviews.deadlines", practice_review_agenda)

        home.register_provider("reviews", reviews_needs_me)
        navigation.register(
            label="Practice reviews",
            url_name="reviews:review-list",
            capability=Capability.REVIEWS_VIEW,
            order=70,
            section_prefix="/reviews/",
        )

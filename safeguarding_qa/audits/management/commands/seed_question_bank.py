"""Add the standard question bank and scales (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding_qa.audits.models import GradingScale, Question, ScaleGrade
from safeguarding_qa.audits.seed import seed_question_bank


class Command(BaseCommand):
    help = "Add the standard audit question bank and grading scales; existing rows are kept."

    def handle(self, *args: Any, **options: Any) -> None:
        added = seed_question_bank(Question, GradingScale, ScaleGrade)
        self.stdout.write(f"Added {added} question bank rows.")

"""Seed the standard question bank and grading scales."""

from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    from safeguarding_qa.audits.seed import seed_question_bank

    seed_question_bank(
        apps.get_model("audits", "Question"),
        apps.get_model("audits", "GradingScale"),
        apps.get_model("audits", "ScaleGrade"),
    )


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

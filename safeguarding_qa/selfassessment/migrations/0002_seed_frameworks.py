"""Seed the Section 11 and Section 175 frameworks and their standards as data."""

from django.db import migrations


def seed(apps, schema_editor):
    from safeguarding_qa.selfassessment.seeds import ensure_frameworks

    ensure_frameworks(
        apps.get_model("selfassessment", "Framework"),
        apps.get_model("selfassessment", "Standard"),
    )


class Migration(migrations.Migration):
    dependencies = [("selfassessment", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

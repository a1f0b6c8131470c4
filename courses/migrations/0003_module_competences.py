"""Modules name the competences they address from the competence framework
(badges.Competence) instead of free lines of text.

Each line of the old ``competences_placeholder`` is matched to a competence by its
code or its name (case and surrounding spaces ignored); a line that matches none is
dropped, and reported, so an editor can link the right competence by hand.
The old field goes in the next migration (PostgreSQL does not alter a table with
pending constraint checks in the same transaction).
"""

import modelcluster.fields
from django.db import migrations


def _lines(text):
    return [line.strip(" -•\t") for line in (text or "").splitlines() if line.strip()]


def placeholder_to_competences(apps, schema_editor):
    ModulePage = apps.get_model("courses", "ModulePage")
    Competence = apps.get_model("badges", "Competence")
    by_key = {}
    for competence in Competence.objects.all():
        by_key.setdefault(competence.code.casefold(), competence)
        by_key.setdefault(competence.name.strip().casefold(), competence)
    for module in ModulePage.objects.exclude(competences_placeholder=""):
        lines = _lines(module.competences_placeholder)
        matched = [by_key[x.casefold()] for x in lines if x.casefold() in by_key]
        unmatched = [x for x in lines if x.casefold() not in by_key]
        if matched:
            module.competences.add(*matched)
        if unmatched:
            print(  # noqa: T201 - a migration's note to whoever runs it
                f"\n  Module {module.pk} ({module.title}): no competence matches "
                f"{', '.join(unmatched)}; link the right one in the admin."
            )


def competences_to_placeholder(apps, schema_editor):
    ModulePage = apps.get_model("courses", "ModulePage")
    for module in ModulePage.objects.all():
        names = [c.name for c in module.competences.order_by("sort_order", "code")]
        if names:
            module.competences_placeholder = "\n".join(names)
            module.save(update_fields=["competences_placeholder"])


class Migration(migrations.Migration):
    dependencies = [
        ("badges", "0001_framework_and_badges"),
        ("courses", "0002_learning_paths"),
    ]

    operations = [
        migrations.AddField(
            model_name="modulepage",
            name="competences",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="The competences of the framework this module helps build.",
                related_name="modules",
                to="badges.competence",
                verbose_name="competences addressed",
            ),
        ),
        migrations.RunPython(placeholder_to_competences, competences_to_placeholder),
    ]

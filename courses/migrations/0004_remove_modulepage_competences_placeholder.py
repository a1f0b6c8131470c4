from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("courses", "0003_module_competences")]

    operations = [
        migrations.RemoveField(
            model_name="modulepage",
            name="competences_placeholder",
        ),
    ]

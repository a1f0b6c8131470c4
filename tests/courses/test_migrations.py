"""The data migration that turned the free-text competence lines of a module into
links to the competence framework (courses 0003)."""

import importlib
from types import SimpleNamespace

migration = importlib.import_module("courses.migrations.0003_module_competences")


class _Module:
    def __init__(self, pk, lines):
        self.pk, self.title = pk, f"Module {pk}"
        self.competences_placeholder = lines
        self.linked = []
        self.competences = SimpleNamespace(add=lambda *found: self.linked.extend(found))


class _Manager:
    def __init__(self, rows):
        self.rows = rows

    def all(self):
        return self.rows

    def exclude(self, **kwargs):
        return [r for r in self.rows if r.competences_placeholder]


def test_lines_are_matched_by_code_or_name_and_the_rest_reported(capsys):
    termijnen = SimpleNamespace(code="zgw-termijnen", name="Termijnen bewaken")
    privacy = SimpleNamespace(code="zgw-privacy", name="Privacy en vertrouwelijkheid")
    modules = [
        _Module(1, "Termijnen bewaken\n- zgw-privacy\n"),
        _Module(2, "  privacy EN vertrouwelijkheid \nKlantcontact"),
        _Module(3, ""),
    ]
    models = {
        "ModulePage": SimpleNamespace(objects=_Manager(modules)),
        "Competence": SimpleNamespace(objects=_Manager([termijnen, privacy])),
    }
    apps = SimpleNamespace(get_model=lambda app, name: models[name])

    migration.placeholder_to_competences(apps, None)

    assert modules[0].linked == [termijnen, privacy]
    assert modules[1].linked == [privacy]
    assert modules[2].linked == []
    assert "Module 2 (Module 2): no competence matches Klantcontact" in (
        capsys.readouterr().out
    )

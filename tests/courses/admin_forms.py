"""POST data of the Wagtail admin's page forms, built with Wagtail's test helpers."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def list_block(values: list[dict]) -> dict:
    """A ListBlock's form data (the same shape as a stream's, without types)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def module_form(
    *, target_functions=(), prerequisites=(), competences=(), **fields
) -> dict:
    data = {
        "title": "Termijnen: opschorten en verlengen",
        "slug": "termijnen",
        "summary": "Hoe de behandeltermijn van een zaak loopt.",
        "learning_objectives": "Je kunt een zaak opschorten.\nJe kunt een termijn verlengen.",
        "estimated_duration": "25",
        "cover_image": "",
        "cover_image_alt": "",
        "mandatory": "on",
        "pass_mark": "80",
        "max_attempts": "2",
        **fields,
    }
    # Multiple values stay lists: nested_form_data would number them.
    return {
        **nested_form_data(data),
        "target_functions": [str(pk) for pk in target_functions],
        "prerequisites": [str(pk) for pk in prerequisites],
        "competences": [str(pk) for pk in competences],
    }


def single_choice_form(prompt: str, options: list[tuple[str, bool, str]]) -> dict:
    return {
        "prompt": prompt,
        "points": "2",
        "max_attempts": "",
        "explanation": "Het zaaktype bepaalt de termijn.",
        "options": list_block(
            [
                {"text": text, "correct": "on" if correct else "", "feedback": feedback}
                for text, correct, feedback in options
            ]
        ),
    }


def lesson_form(title: str = "De behandeltermijn", blocks=None, **fields) -> dict:
    if blocks is None:
        blocks = [
            ("rich_text", rich_text("<p>Elke zaak heeft een behandeltermijn.</p>")),
            (
                "single_choice",
                single_choice_form(
                    "Wie bepaalt de behandeltermijn?",
                    [
                        ("Het zaaktype", True, "Juist."),
                        ("De behandelaar", False, "Nee, die kiest hem niet."),
                    ],
                ),
            ),
            ("reflection", {"prompt": "Wat betekent dit voor jou?", "guidance": ""}),
        ]
    return nested_form_data({"title": title, "body": streamfield(blocks), **fields})

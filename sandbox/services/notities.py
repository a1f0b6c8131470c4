"""Notes on a case (the notities tab)."""

from django.utils.translation import gettext as _

from lms.core.sanitize import sanitize_html, strip_html
from sandbox.errors import Rule, SandboxRuleError
from sandbox.models import Notitie, Zaak
from sandbox.services._actions import Actor, begin, ensure_open, sandbox_action, trace

MAX_LENGTH = 10_000


@sandbox_action("zaak_notitie_add")
def zaak_notitie_add(
    *, zaak: Zaak, actor: Actor, tekst: str, onderwerp: str = ""
) -> Notitie:
    """Write a note in the case file. ``tekst`` may hold simple formatting
    (paragraphs, lists, emphasis, links); everything else is removed."""
    workspace = begin(zaak.workspace_id, actor)
    zaak.refresh_from_db()
    ensure_open(workspace, zaak)
    cleaned = sanitize_html((tekst or "").strip())
    if not strip_html(cleaned).strip():
        raise SandboxRuleError(Rule.REASON_REQUIRED, _("Write the text of the note."))
    if len(cleaned) > MAX_LENGTH:
        raise SandboxRuleError(
            Rule.REASON_REQUIRED,
            _("A note holds at most %(n)s characters.") % {"n": MAX_LENGTH},
        )
    notitie = Notitie.objects.create(
        zaak=zaak,
        auteur=actor,
        auteur_naam=(
            (actor.get_full_name() or actor.email)[:200] if actor else _("Scenario")
        ),
        onderwerp=strip_html(onderwerp or "").strip()[:200],
        tekst=cleaned,
        sandbox_time=workspace.clock,
    )
    trace(
        workspace,
        "zaak_notitie_add",
        actor=actor,
        zaak=zaak,
        payload={
            "notitie": str(notitie.uuid),
            "onderwerp": notitie.onderwerp,
            # The plain text, so an assessment check can read it (no BSN in
            # free text, ...).
            "tekst": strip_html(cleaned),
        },
    )
    return notitie

"""The one place that cleans user-supplied HTML.

Everything else calls :func:`sanitize_html` or :func:`strip_html`; nothing imports
bleach directly, so the allow-list can be reviewed (and the library swapped) here.
"""

import bleach
from bleach.css_sanitizer import CSSSanitizer

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4",
        "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
_CSS = CSSSanitizer(allowed_css_properties=[])


def sanitize_html(html: str) -> str:
    """Keep a small set of formatting tags; drop scripts, styles and event handlers."""
    cleaned = bleach.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        css_sanitizer=_CSS,
        strip=True,
        strip_comments=True,
    )
    # Every link (typed or pasted) gets rel="nofollow": user text must not pass on
    # the platform's reputation, and bare URLs become clickable.
    return bleach.linkify(cleaned, callbacks=[bleach.callbacks.nofollow])


def strip_html(text: str) -> str:
    """Plain text only: every tag removed, entities kept escaped."""
    return bleach.clean(
        text, tags=set(), attributes={}, strip=True, strip_comments=True
    )

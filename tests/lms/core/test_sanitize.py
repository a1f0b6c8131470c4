from lms.core.sanitize import sanitize_html, strip_html


def test_scripts_styles_and_event_handlers_are_removed():
    dirty = (
        '<p onclick="steal()">Hallo <script>alert(1)</script><b>wereld</b></p>'
        '<img src=x onerror="alert(1)"><style>body{}</style>'
        '<a href="javascript:alert(1)">klik</a>'
    )
    clean = sanitize_html(dirty)
    assert "<script" not in clean
    assert "onclick" not in clean
    assert "onerror" not in clean
    assert "<img" not in clean
    assert "javascript:" not in clean
    assert "<b>wereld</b>" in clean


def test_links_get_nofollow_and_bare_urls_become_links():
    clean = sanitize_html(
        'Zie <a href="https://vng.nl">VNG</a> en https://gemmaonline.nl'
    )
    assert 'rel="nofollow"' in clean
    assert 'href="https://gemmaonline.nl"' in clean


def test_strip_html_leaves_plain_text():
    assert strip_html("<p>Gewoon <em>tekst</em></p>") == "Gewoon tekst"

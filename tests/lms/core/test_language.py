def test_dutch_is_the_default_even_for_an_english_browser(client, home_page, learner):
    client.force_login(learner)
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    content = response.content.decode()
    assert '<html lang="nl">' in content
    assert "Goed je te zien" in content
    assert response["Content-Language"] == "nl"


def test_switching_to_english_and_back(client, home_page, learner):
    client.force_login(learner)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    content = client.get("/").content.decode()
    assert '<html lang="en">' in content
    assert "Good to see you" in content
    assert "My learning" in content

    client.post("/i18n/setlang/", {"language": "nl", "next": "/"})
    assert "Mijn leren" in client.get("/").content.decode()


def test_language_can_be_switched_before_signing_in(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    content = client.get("/accounts/login/").content.decode()
    assert "Sign in to Zaakwijs" in content


def test_unknown_language_falls_back_to_dutch(client, db):
    client.cookies["zaakwijs_language"] = "fr"
    assert '<html lang="nl">' in client.get("/accounts/login/").content.decode()

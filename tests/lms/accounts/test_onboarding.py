import re

from django.core import mail

from lms.organisation.services import EmployeeData, employee_upsert


def test_imported_employee_sets_a_password_by_mail_and_signs_in(client, home_page):
    """New employees get no password; "Set your password" on the sign-in page is
    their invitation, and following the mailed link also confirms the address."""
    profile, created = employee_upsert(
        data=EmployeeData(
            email="Nieuw.Collega@Gemeente.test", first_name="Nina", last_name="Nieuw"
        )
    )
    assert created
    user = profile.user
    assert user.email == "nieuw.collega@gemeente.test"
    assert not user.has_usable_password()

    client.post("/accounts/password/reset/", {"email": "nieuw.collega@gemeente.test"})
    assert len(mail.outbox) == 1
    link = re.search(
        r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", mail.outbox[0].body
    )
    assert link, mail.outbox[0].body
    response = client.get(link.group(1), follow=True)
    form_url = (
        response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    )
    new_password = "een-lang-en-sterk-wachtwoord"
    response = client.post(
        form_url, {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302

    response = client.post(
        "/accounts/login/",
        {"login": "nieuw.collega@gemeente.test", "password": new_password},
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200

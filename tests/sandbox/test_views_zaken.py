import re
from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sandbox.models import NatuurlijkPersoon, Zaak
from sandbox.services import (
    MedewerkerGegevens,
    NatuurlijkPersoonGegevens,
    besluit_record,
    workspace_clock_advance,
    zaak_klantcontact_add,
    zaak_notitie_add,
    zaak_register,
    zaak_rol_add,
    zaak_status_set,
)
from tests.sandbox.views_support import BANNER, url, zaak_url

TABS = [
    "gegevens",
    "status",
    "betrokkenen",
    "documenten",
    "besluiten",
    "notities",
    "audit",
]


def _register(ws, learner, catalogue, omschrijving, **fields):
    return zaak_register(
        workspace=ws,
        actor=learner,
        zaaktype=catalogue.zaaktype,
        startdatum=fields.pop("startdatum", date(2025, 3, 3)),
        omschrijving=omschrijving,
        **fields,
    )


def _rows(response) -> list[str]:
    return re.findall(
        r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


# --- Werkvoorraad --------------------------------------------------------------


def test_werkvoorraad_lists_the_team_queue_with_the_banner(owner_client, ws, case):
    response = owner_client.get(url("werkvoorraad", workspace=ws.uuid))

    assert response.status_code == 200
    assert BANNER in response.content.decode()
    assert _rows(response) == [case.identificatie]


def test_werkvoorraad_mine_shows_only_cases_i_handle(
    owner_client, ws, case, catalogue, learner
):
    other = _register(ws, learner, catalogue, "Niet van mij")
    zaak_rol_add(
        zaak=case,
        actor=learner,
        roltype=catalogue.behandelaar,
        betrokkene=MedewerkerGegevens(
            identificatie=learner.email.split("@")[0][:24], achternaam="Jansen"
        ),
    )

    mine = owner_client.get(url("werkvoorraad", workspace=ws.uuid) + "?filter=mijn")
    team = owner_client.get(url("werkvoorraad", workspace=ws.uuid) + "?filter=team")

    assert _rows(mine) == [case.identificatie]
    assert sorted(_rows(team)) == sorted([case.identificatie, other.identificatie])
    assert 'href="?filter=mijn" aria-current="page"' in mine.content.decode()


def test_werkvoorraad_marks_overdue_cases_by_the_sandbox_clock(
    owner_client, ws, case, learner
):
    page = owner_client.get(url("werkvoorraad", workspace=ws.uuid))
    assert "sandbox-overdue" not in page.content.decode()

    # The term is eight weeks; ten weeks later on the sandbox clock it has passed.
    workspace_clock_advance(workspace=ws, actor=learner, by="P10W")

    page = owner_client.get(url("werkvoorraad", workspace=ws.uuid))
    assert 'class="sandbox-overdue"' in page.content.decode()
    assert "Overdue" in page.content.decode()


def test_werkvoorraad_search_by_identificatie_bsn_and_name(
    owner_client, ws, case, catalogue, learner
):
    other = _register(ws, learner, catalogue, "Andere zaak")
    zaak_rol_add(
        zaak=other,
        actor=learner,
        roltype=catalogue.initiator,
        betrokkene=NatuurlijkPersoonGegevens(
            inp_bsn="999993653", geslachtsnaam="Bakker"
        ),
    )
    base = url("werkvoorraad", workspace=ws.uuid)

    assert _rows(owner_client.get(base, {"q": case.identificatie})) == [
        case.identificatie
    ]
    assert _rows(owner_client.get(base, {"q": "999993653"})) == [other.identificatie]
    assert _rows(owner_client.get(base, {"q": "bakk"})) == [other.identificatie]
    assert _rows(owner_client.get(base, {"q": "niemand"})) == []


def test_werkvoorraad_is_read_only_for_the_coach(coach_client, ws, case):
    response = coach_client.get(url("werkvoorraad", workspace=ws.uuid))

    assert response.status_code == 200
    content = response.content.decode()
    assert case.identificatie in content
    assert url("zaak_register", workspace=ws.uuid) not in content
    assert "read-only" in content


# --- Registering from an intake --------------------------------------------------


def test_register_from_an_intake_with_the_initiator(owner_client, ws, catalogue):
    response = owner_client.post(
        url("zaak_register", workspace=ws.uuid),
        {
            "zaaktype": catalogue.zaaktype.pk,
            "communicatiekanaal": "telefoon",
            "startdatum": "2025-02-28",
            "omschrijving": "Dakkapel",
            "inp_bsn": "999993653",
            "geslachtsnaam": "Bakker",
            "postcode": "1234 ab",
        },
    )

    zaak = Zaak.objects.get(workspace=ws)
    assert response.status_code == 302
    assert response["Location"] == zaak_url(zaak)
    assert zaak.communicatiekanaal == "telefoon"
    assert zaak.startdatum == date(2025, 2, 28)
    persoon = NatuurlijkPersoon.objects.get(rol__zaak=zaak)
    assert (persoon.inp_bsn, persoon.verblijfsadres_aoa_postcode) == (
        "999993653",
        "1234 AB",
    )
    assert persoon.rol.roltype == catalogue.initiator


def test_register_refuses_an_invalid_bsn_on_the_field(owner_client, ws, catalogue):
    response = owner_client.post(
        url("zaak_register", workspace=ws.uuid),
        {
            "zaaktype": catalogue.zaaktype.pk,
            "communicatiekanaal": "balie",
            "startdatum": "2025-03-03",
            "omschrijving": "Dakkapel",
            "inp_bsn": "123456789",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_inp_bsn_error"' in content
    field = re.search(r'<input[^>]*id="id_inp_bsn"[^>]*>', content).group(0)
    assert 'aria-describedby="id_inp_bsn_error"' in field
    assert 'href="#id_inp_bsn"' in content
    assert not Zaak.objects.exists()


def test_register_without_a_channel_points_to_the_fieldset(owner_client, ws, catalogue):
    response = owner_client.post(
        url("zaak_register", workspace=ws.uuid),
        {
            "zaaktype": catalogue.zaaktype.pk,
            "startdatum": "2025-03-03",
            "omschrijving": "Dakkapel",
        },
    )

    content = response.content.decode()
    assert 'aria-describedby="id_communicatiekanaal_error"' in content
    assert 'href="#id_communicatiekanaal_0"' in content
    assert 'id="id_communicatiekanaal_0"' in content


def test_register_offers_the_four_intake_channels_in_a_fieldset(
    owner_client, ws, catalogue
):
    content = owner_client.get(url("zaak_register", workspace=ws.uuid)).content.decode()

    for kanaal in ("e-mail", "brief", "telefoon", "balie"):
        assert f'value="{kanaal}"' in content
    assert "<legend>Received through</legend>" in content
    assert catalogue.zaaktype.omschrijving in content


def test_register_shows_the_rule_refusal_in_the_form(
    owner_client, ws, catalogue, monkeypatch
):
    from sandbox.errors import Rule, SandboxRuleError
    from sandbox.views import zaken as zaken_views

    def refuse(**kwargs):
        raise SandboxRuleError(Rule.ZAAKTYPE_NOT_IN_FORCE, "Not in force today.")

    monkeypatch.setattr(zaken_views, "zaak_register", refuse)
    response = owner_client.post(
        url("zaak_register", workspace=ws.uuid),
        {
            "zaaktype": catalogue.zaaktype.pk,
            "communicatiekanaal": "brief",
            "startdatum": "2025-03-03",
            "omschrijving": "Dakkapel",
        },
    )

    assert response.status_code == 200
    assert "Not in force today." in response.content.decode()


# --- The case page ---------------------------------------------------------------


def test_case_page_tabs_are_links_with_aria_current(owner_client, case):
    for tab in TABS:
        response = owner_client.get(zaak_url(case, tab))
        assert response.status_code == 200, tab
        content = response.content.decode()
        assert BANNER in content
        assert f'href="{zaak_url(case, tab)}" aria-current="page"' in content


def test_case_page_unknown_tab_is_404(owner_client, case):
    assert owner_client.get(zaak_url(case, "onbekend")).status_code == 404


def test_case_page_shows_history_and_audit_trail(
    owner_client, case, catalogue, learner
):
    zaak_status_set(
        zaak=case,
        actor=learner,
        statustype=catalogue.in_behandeling,
        statustoelichting="Aanvraag is compleet",
    )

    status = owner_client.get(zaak_url(case, "status")).content.decode()
    audit = owner_client.get(zaak_url(case, "audit")).content.decode()

    assert "Aanvraag is compleet" in status
    assert "In behandeling" in status
    assert "zaak_status_set" in audit
    assert "zaak_register" in audit


def test_case_page_for_the_coach_has_no_actions(coach_client, owner_client, case):
    owner_page = owner_client.get(zaak_url(case)).content.decode()
    coach_page = coach_client.get(zaak_url(case)).content.decode()

    assert 'id="actions-heading"' in owner_page
    assert 'id="actions-heading"' not in coach_page
    assert "/acties/" not in coach_page


def test_case_page_query_count_is_fixed(owner_client, case, catalogue, learner):
    urls = {tab: zaak_url(case, tab) for tab in TABS}

    def besluit():
        besluit_record(
            workspace=case.workspace,
            actor=learner,
            zaak=case,
            besluittype=catalogue.besluittype,
            datum=date(2025, 3, 3),
            ingangsdatum=date(2025, 3, 4),
        )

    besluit()

    def counts():
        result = {}
        for tab in TABS:
            with CaptureQueriesContext(connection) as ctx:
                assert owner_client.get(urls[tab]).status_code == 200
            result[tab] = len(ctx.captured_queries)
        return result

    # Warm the per-user caches of the site shell (coaches, report access) first.
    owner_client.get(urls["gegevens"])
    before = counts()
    # More of everything on the page must not mean more queries.
    zaak_status_set(zaak=case, actor=learner, statustype=catalogue.in_behandeling)
    for naam in ("Bakker", "Visser"):
        zaak_rol_add(
            zaak=case,
            actor=learner,
            roltype=catalogue.initiator,
            betrokkene=NatuurlijkPersoonGegevens(geslachtsnaam=naam),
        )
    zaak_rol_add(
        zaak=case,
        actor=learner,
        roltype=catalogue.behandelaar,
        betrokkene=MedewerkerGegevens(achternaam="Jansen"),
    )
    zaak_klantcontact_add(zaak=case, actor=learner, kanaal="brief", onderwerp="Brief")
    besluit()
    zaak_notitie_add(zaak=case, actor=learner, tekst="Teruggebeld")
    assert counts() == before == CASE_PAGE_QUERIES


# Each tab: session, user, groups, workspace (with ``changeable``), zaak (with
# type, status and resultaat), the site shell (course catalogue link, two
# permission lookups, the unread-notifications count), and the tab's own rows.
CASE_PAGE_QUERIES = {
    "gegevens": 12,  # behandelaars, zaakobjecten, eigenschappen
    "status": 11,  # statussen, klantcontacten
    "betrokkenen": 10,  # rollen with every kind of betrokkene
    "documenten": 10,  # zaakinformatieobjecten with document and type
    "besluiten": 11,  # besluiten, their documents
    "notities": 10,  # the zaak's notes
    "audit": 10,  # the zaak's action trace
}

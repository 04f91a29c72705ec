"""The editor's problems in the admin's language: every kind of error the pack schema can raise has
German and English words, chosen by pydantic's error type and location (not by its English message),
with the field path left as the YAML has it. Real packs, the real schema and the real draft check."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
import yaml

from triage.admin.drafts import check_draft
from triage.admin.messages import MESSAGES
from triage.packs import schema
from triage.packs.load import client_document

PROMPTS = Path(__file__).resolve().parents[1] / "prompts"
CLIENT = "sanitaer-notdienst"


def _document() -> dict:
    return yaml.safe_load(client_document(CLIENT, PROMPTS))


def _problems(document: dict | str, lang: str) -> list[dict[str, str]]:
    text = document if isinstance(document, str) else yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    return check_draft(CLIENT, text, PROMPTS, None, {}, reader=lang).problems


def _with(**changes) -> dict:
    document = _document()
    for path, value in changes.items():
        here = document
        *parents, last = path.split("__")
        for part in parents:
            here = here.setdefault(part, {})
        here[last] = value
    return document


# One broken draft per kind of error: (draft, field, code, a German word, an English word).
BROKEN = [
    (_with(colr="blau"), "colr", "extra_forbidden", "unbekanntes Feld", "unknown field"),
    (_with(timezon="Europe/Berlin"), "timezon", "extra_forbidden", "meinten Sie „timezone“", "did you mean 'timezone'"),
    (_with(name=["x"]), "name", "string_type", "muss Text sein", "must be text"),
    (_with(records_calls="vielleicht"), "records_calls", "bool_parsing", "ja (true) oder nein", "true or false"),
    (_with(records_calls=[True]), "records_calls", "bool_type", "ja (true) oder nein", "true or false"),
    (_with(escalation__accept_timeout_s="bald"), "escalation.accept_timeout_s", "int_parsing", "ganze Zahl", "whole"),
    (_with(escalation__accept_timeout_s=7.5), "escalation.accept_timeout_s", "int_from_float", "ganze Zahl", "whole"),
    (_with(escalation__accept_timeout_s=[1]), "escalation.accept_timeout_s", "int_type", "ganze Zahl", "whole"),
    (
        _with(escalation__accept_timeout_s=2),
        "escalation.accept_timeout_s",
        "greater_than_equal",
        "mindestens 5",
        "at least 5",
    ),
    (
        _with(escalation__secondary_after_min=0),
        "escalation.secondary_after_min",
        "greater_than",
        "größer als 0",
        "greater than 0",
    ),
    (
        _with(escalation__secondary_after_min="x"),
        "escalation.secondary_after_min",
        "float_parsing",
        "eine Zahl",
        "a number",
    ),
    (
        _with(escalation__secondary_after_min=[1]),
        "escalation.secondary_after_min",
        "float_type",
        "eine Zahl",
        "a number",
    ),
    (_with(retention__notes_days=9999), "retention.notes_days", "less_than_equal", "höchstens 3650", "at most 3650"),
    (_with(languages="de"), "languages", "list_type", "eine Liste", "a list"),
    (_with(languages=[]), "languages", "too_short", "mindestens 1", "at least 1"),
    (_with(business="Sanitär"), "business", "dict_type", "eine Zuordnung", "a mapping"),
    (_with(webhook="https://x"), "webhook", "model_type", "Zuordnung von Feldern", "mapping of fields"),
    (_with(agent_language="fr"), "agent_language", "literal_error", "erlaubt: de oder en", "allowed: de or en"),
    (_with(business={"de": "x", "fr": "y"}), "business.fr", "literal_error", "„fr“ ist hier nicht möglich", "'fr'"),
    (_with(id="kruger"), "id", "id_mismatch", "muss „sanitaer-notdienst“ sein", "must be 'sanitaer-notdienst'"),
    (_with(webhook={"url": "ftp://x"}), "webhook.url", "string_pattern_mismatch", "http://", "http://"),
    (
        _with(webhook={"url": "https://x", "secret_env": "geheim"}),
        "webhook.secret_env",
        "string_pattern_mismatch",
        "Umgebungsvariablen",
        "environment variable",
    ),
    (
        _with(escalation__on_call=[{"name": "Tom"}]),
        "escalation.on_call[0].channel",
        "missing",
        "Pflichtfeld",
        "required",
    ),
    (_with(hours={"mon": ["8-17"]}), "hours", "hours_range", "keine Zeitspanne", "not a time range"),
    (_with(timezone="Mars/Olympus"), "timezone", "timezone_unknown", "unbekannte Zeitzone", "unknown timezone"),
    (
        _with(emergencies=[{"id": "x", "label": {"de": "X", "en": "X"}, "phrases": {"de": ["(kaputt"]}}]),
        "emergencies[0].phrases",
        "phrase_pattern",
        "kein gültiges Suchmuster",
        "not a valid pattern",
    ),
    (
        _with(info=[{"id": "x", "keywords": {"de": ["(wann\\w+)+ offen"]}, "answer": {"de": "A", "en": "A"}}]),
        "info[0].keywords",
        "phrase_pattern",
        "kein gültiges Suchmuster",
        "not a valid pattern",
    ),
    (
        _with(catalog=[{"sku": "a", "name": {"de": "A", "en": "A"}, "option_aliases": {"groß": ["xl"]}}]),
        "catalog[0]",
        "option_alias_unknown",
        "keine Optionsgruppe",
        "no option group",
    ),
    (
        _with(escalation__on_call=[{"name": "Tom", "channel": "sms"}]),
        "escalation.on_call[0]",
        "contact_needs_phone",
        "keine Telefonnummer",
        "has no phone",
    ),
    (
        _with(escalation__on_call=[{"name": "Hook", "channel": "webhook"}]),
        "escalation.on_call[0]",
        "contact_needs_url",
        "keine Adresse",
        "has no url",
    ),
    (
        _with(out_of_hours={"mode": "notice", "say": {"de": "Zu {{ x", "en": "Closed"}}),
        "out_of_hours.say",
        "template_syntax",
        "Vorlage in de ist fehlerhaft",
        "template in de does not compile",
    ),
    (
        _with(out_of_hours={"mode": "forward", "forward_to": "030 1234"}),
        "out_of_hours",
        "forward_number",
        "internationaler Form",
        "international form",
    ),
    (
        _with(languages=["de", "en"], prompts={"greeting": {"de": "Hallo"}}),
        "prompts.greeting.en",
        "missing_translation",
        "Übersetzung fehlt",
        "missing translation",
    ),
    (
        _with(catalog=[{"sku": "a", "name": {"de": "A", "en": "A"}}, {"sku": "a", "name": {"de": "B", "en": "B"}}]),
        "catalog",
        "duplicate_sku",
        "mehrfach vergeben",
        "duplicate sku",
    ),
    (
        _with(emergencies=[{"id": "x", "label": {"de": "X", "en": "X"}, "phrases": {}}]),
        "emergencies[0].phrases",
        "emergency_no_phrases",
        "keine Stichwörter in de",
        "no phrases in de",
    ),
    (
        _with(info=[{"id": "auf", "keywords": {}, "answer": {"de": "Ja", "en": "Yes"}}]),
        "info[0].keywords",
        "info_no_keywords",
        "keine Schlüsselwörter",
        "no keywords",
    ),
    (
        _with(catalog=[{"sku": "a", "name": {"de": " ", "en": " "}}]),
        "catalog[0].name",
        "catalog_name_empty",
        "keinen Namen",
        "no name",
    ),
    (
        _with(hours={}, out_of_hours={"mode": "notice", "say": {"de": "Zu.", "en": "Closed."}}),
        "out_of_hours.mode",
        "closed_needs_hours",
        "braucht Geschäftszeiten",
        "needs business hours",
    ),
    (
        _with(out_of_hours={"mode": "notice", "say": {"de": " ", "en": " "}}),
        "out_of_hours.say",
        "closed_words_empty",
        "Text fehlt in de",
        "text missing in de",
    ),
    (
        _with(
            out_of_hours={
                "mode": "forward",
                "say": {"de": "Ich verbinde.", "en": "Connecting."},
                "call_instead": {"de": "Rufen Sie an.", "en": "Call."},
            }
        ),
        "out_of_hours.forward_to",
        "forward_needs_number",
        "braucht eine Nummer",
        "needs a number",
    ),
    (
        _with(escalation__transfer_directly=["P1"], escalation__transfer_number=None),
        "escalation.transfer_number",
        "transfer_needs_number",
        "braucht eine Nummer",
        "needs a number",
    ),
    (
        _with(prompts__greeting={"de": "Hallo {{ name", "en": "Hello"}),
        "prompts.greeting.de",
        "template",
        "Vorlage fehlerhaft in Zeile 1",
        "template error in line 1",
    ),
    ("name: [unclosed\n", "", "yaml", "YAML-Fehler in Zeile", "YAML error in line"),
]


# Problems that quote what the regular expression, Jinja or PyYAML library said, after our own words.
LIBRARY_DETAIL = {"phrase_pattern", "template_syntax", "template", "yaml"}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize(("draft", "field", "code", "de", "en"), BROKEN, ids=[f"{b[2]}-{b[1]}" for b in BROKEN])
def test_every_kind_of_pack_error_is_said_in_the_admins_language(draft, field, code, de, en, lang) -> None:
    problems = _problems(draft, lang)
    found = [p for p in problems if p["code"] == code and p["field"] == field]
    assert found, problems
    message = found[0]["message"]
    assert {"de": de, "en": en}[lang] in message, message
    if (
        lang == "de" and code not in LIBRARY_DETAIL
    ):  # none of pydantic's or the schema's English is left in the German editor
        for english in ("must ", "should", "Input", "Field required", "not allowed", "missing", "unknown", "needs "):
            assert english not in message, message


def test_every_error_the_schema_raises_has_words_in_both_languages() -> None:
    """The schema's own problem types (PydanticCustomError and its unreachable parts) are all worded,
    and the drafts above raise every one of them."""
    tree = ast.parse(inspect.getsource(schema))
    raised = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) in ("PydanticCustomError", "Unreachable")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    } - {"pack_unreachable"}
    assert raised and raised <= set(MESSAGES), raised - set(MESSAGES)
    assert raised <= {b[2] for b in BROKEN}, raised - {b[2] for b in BROKEN}
    for kind, words in MESSAGES.items():
        assert set(words) == {"de", "en"} and words["de"] != words["en"], kind

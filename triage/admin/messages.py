"""A pack's problems in the editing admin's language (German or English).

Every problem the pack schema can raise is translated from what pydantic reports about it: its error
`type`, its location (the field path) and its facts (`ctx`: the limit, the allowed values, the
schema's own facts, see triage/packs/schema.py), never from its English message. The field path
stays as it is in the YAML (`escalation.accept_timeout_s`), so the admin finds the field either way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import ValidationError

from ..packs.load import _model_at

Lang = Literal["de", "en"]

# type -> {lang: template}; templates use the error's ctx plus {value} (what the admin wrote) and
# {allowed} (a literal's choices, joined in the language).
MESSAGES: dict[str, dict[Lang, str]] = {
    "missing": {"de": "Pflichtfeld fehlt", "en": "field required"},
    "extra_forbidden": {"de": "unbekanntes Feld '{name}'{hint}", "en": "unknown field '{name}'{hint}"},
    "string_type": {"de": "muss Text sein{got}", "en": "must be text{got}"},
    "int_type": {"de": "muss eine ganze Zahl sein{got}", "en": "must be a whole number{got}"},
    "int_parsing": {"de": "muss eine ganze Zahl sein{got}", "en": "must be a whole number{got}"},
    "int_from_float": {
        "de": "muss eine ganze Zahl sein, ohne Nachkommastellen{got}",
        "en": "must be a whole number{got}",
    },
    "float_type": {"de": "muss eine Zahl sein{got}", "en": "must be a number{got}"},
    "float_parsing": {"de": "muss eine Zahl sein{got}", "en": "must be a number{got}"},
    "bool_type": {"de": "muss ja (true) oder nein (false) sein{got}", "en": "must be true or false{got}"},
    "bool_parsing": {"de": "muss ja (true) oder nein (false) sein{got}", "en": "must be true or false{got}"},
    "list_type": {
        "de": "muss eine Liste sein (Einträge mit „- “){got}",
        "en": "must be a list (entries with '- '){got}",
    },
    "dict_type": {"de": "muss eine Zuordnung sein (Schlüssel: Wert){got}", "en": "must be a mapping (key: value){got}"},
    "model_type": {"de": "muss eine Zuordnung von Feldern sein (Schlüssel: Wert)", "en": "must be a mapping of fields"},
    "model_attributes_type": {
        "de": "muss eine Zuordnung von Feldern sein (Schlüssel: Wert)",
        "en": "must be a mapping of fields",
    },
    "literal_error": {
        "de": "„{value}“ ist hier nicht möglich; erlaubt: {allowed}",
        "en": "'{value}' is not allowed here; allowed: {allowed}",
    },
    "greater_than_equal": {"de": "muss mindestens {ge} sein{got}", "en": "must be at least {ge}{got}"},
    "greater_than": {"de": "muss größer als {gt} sein{got}", "en": "must be greater than {gt}{got}"},
    "less_than_equal": {"de": "darf höchstens {le} sein{got}", "en": "must be at most {le}{got}"},
    "less_than": {"de": "muss kleiner als {lt} sein{got}", "en": "must be less than {lt}{got}"},
    "too_short": {
        "de": "braucht mindestens {min_length} Eintrag/Einträge",
        "en": "needs at least {min_length} entries",
    },
    "too_long": {"de": "darf höchstens {max_length} Einträge haben", "en": "may have at most {max_length} entries"},
    "string_pattern_mismatch": {
        "de": "hat nicht die erwartete Form{got}",
        "en": "does not have the expected form{got}",
    },
    # the schema's own checks (PydanticCustomError types in triage/packs/schema.py)
    "phrase_pattern": {
        "de": "Stichwort „{phrase}“ ({lang}) ist kein gültiges Suchmuster: {error}",
        "en": "phrase '{phrase}' ({lang}) is not a valid pattern: {error}",
    },
    "option_alias_unknown": {
        "de": "option_aliases oder option_names nennen Werte, die keine Optionsgruppe hat: {values}",
        "en": "option_aliases or option_names name values that no option group has: {values}",
    },
    "contact_needs_phone": {
        "de": "Kontakt „{name}“ wird per {channel} erreicht, hat aber keine Telefonnummer (phone)",
        "en": "contact '{name}' uses channel '{channel}' but has no phone",
    },
    "contact_needs_url": {
        "de": "Kontakt „{name}“ wird per Webhook erreicht, hat aber keine Adresse (url)",
        "en": "contact '{name}' uses channel 'webhook' but has no url",
    },
    "template_syntax": {
        "de": "Vorlage in {lang} ist fehlerhaft (Jinja: {error})",
        "en": "template in {lang} does not compile (Jinja: {error})",
    },
    "hours_range": {
        "de": "{day}: „{range}“ ist keine Zeitspanne wie „08:00-17:30“",
        "en": "{day}: '{range}' is not a time range like '08:00-17:30'",
    },
    "timezone_unknown": {
        "de": "unbekannte Zeitzone „{timezone}“ (ein IANA-Name wie „Europe/Berlin“)",
        "en": "unknown timezone '{timezone}' (use an IANA name like 'Europe/Berlin')",
    },
    "forward_number": {
        "de": "„{number}“ ist keine Nummer in internationaler Form wie +4930123456",
        "en": "'{number}' is not a number in international form like +4930123456",
    },
    "duplicate_sku": {
        "de": "Artikelnummer (sku) mehrfach vergeben: {skus}",
        "en": "catalog has duplicate sku: {skus}",
    },
    "missing_translation": {
        "de": "Übersetzung fehlt: der Kunde bietet „{lang}“ an",
        "en": "missing translation into '{lang}', a language the client offers",
    },
    # parts no call can reach (the kinds of `pack_unreachable`)
    "emergency_no_phrases": {
        "de": "Notfall „{id}“ hat keine Stichwörter in {langs}: kein Anrufer kann ihn erreichen",
        "en": "emergency '{id}' has no phrases in {langs}, so no caller can reach it",
    },
    "info_no_keywords": {
        "de": "Auskunft „{id}“ hat keine Schlüsselwörter in {langs}: sie wird nie gegeben",
        "en": "answer '{id}' has no keywords in {langs}, so it is never given",
    },
    "catalog_name_empty": {
        "de": "Artikel „{id}“ hat keinen Namen in {langs}",
        "en": "item '{id}' has no name in {langs}",
    },
    "closed_needs_hours": {
        "de": "Modus „{mode}“ außerhalb der Geschäftszeiten braucht Geschäftszeiten: wann ist geöffnet?",
        "en": "out-of-hours mode '{mode}' needs business hours: when is the client open?",
    },
    "closed_words_empty": {
        "de": "Text fehlt in {langs}: was hören die Anrufer?",
        "en": "text missing in {langs}: what do callers hear?",
    },
    "forward_needs_number": {
        "de": "Weiterleiten braucht eine Nummer (forward_to): wohin gehen die Anrufe?",
        "en": "forwarding needs a number (forward_to): which number takes the calls?",
    },
    "transfer_needs_number": {
        "de": "Sofort durchstellen braucht eine Nummer (transfer_number): wohin gehen die Anrufe?",
        "en": "transferring at once needs a number (transfer_number): where should the calls go?",
    },
    # problems outside the schema: the document itself, templates, numbers, webhooks
    "yaml": {"de": "YAML-Fehler{where}: {detail}", "en": "YAML error{where}: {detail}"},
    "template": {"de": "Vorlage fehlerhaft{where}: {detail}", "en": "template error{where}: {detail}"},
    "document": {"de": "Dokument fehlerhaft: {detail}", "en": "document error: {detail}"},
    "number_taken": {
        "de": "„{number}“ klingelt schon bei {owner}",
        "en": "'{number}' already rings {owner}",
    },
    "webhook": {"de": "Webhook nicht zulässig: {detail}", "en": "webhook not allowed: {detail}"},
    "id_mismatch": {
        "de": "die id muss „{client}“ sein, der Name des Kunden (oder weglassen)",
        "en": "the id must be '{client}', the client's name (or leave it out)",
    },
}
# What a pattern asks for, by field (a regular expression means nothing to an admin).
PATTERNS: dict[str, dict[Lang, str]] = {
    "id": {"de": "nur Kleinbuchstaben, Ziffern und Bindestriche", "en": "lower-case letters, digits and hyphens only"},
    "webhook.url": {"de": "beginnt mit http:// oder https://", "en": "starts with http:// or https://"},
    "webhook.secret_env": {
        "de": "Name einer Umgebungsvariablen: Großbuchstaben, Ziffern, _",
        "en": "an environment variable's name: capitals, digits, _",
    },
}
OR: dict[Lang, str] = {"de": " oder ", "en": " or "}
ANOTHER_CLIENT: dict[Lang, str] = {
    "de": "einem anderen Kunden dieser Plattform",
    "en": "another client of this platform",
}


def field_path(loc: tuple[str | int, ...]) -> str:
    """('catalog', 2, 'name', 'en') -> 'catalog[2].name.en' (a dict key's own marker dropped)."""
    out = ""
    for part in loc:
        if part == "[key]":
            continue
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def say(kind: str, reader: Lang, **facts: Any) -> str:
    """One problem in the reader's language; facts the template does not use are ignored."""
    return MESSAGES[kind][reader].format_map(_Facts(facts))


class _Facts(dict):
    def __missing__(self, key: str) -> str:
        return ""


def problem(kind: str, field: str, english: str, reader: Lang, **facts: Any) -> dict[str, str]:
    """A problem as the editor shows it: the field, `message` in the admin's language, `problem` in
    English (logs, scripts), and `code` (the kind) for tests and tools."""
    return {"field": field, "code": kind, "problem": english, "message": say(kind, reader, **facts)}


def validation_problems(exc: ValidationError, lang: Lang) -> list[dict[str, str]]:
    """Every error of a pack's validation, one problem per field to fix."""
    out: list[dict[str, str]] = []
    for error in exc.errors():
        kind, loc, ctx = error["type"], tuple(error["loc"]), dict(error.get("ctx") or {})
        if kind == "missing_translation":
            for path in ctx.get("fields", []):
                missing = path.rsplit(".", 1)[-1]
                out.append(problem(kind, path, say(kind, "en", lang=missing), lang, lang=missing))
            continue
        if kind == "pack_unreachable":
            for part in ctx.get("problems", []):
                out.append(problem(part.kind, part.field, part.text, lang, **part.facts))
            continue
        path = field_path(loc) or str(ctx.get("at", ""))  # the whole pack's checks name their field
        facts = {**ctx, **_input_facts(error, loc, lang)}
        if kind == "string_pattern_mismatch":
            facts["got"] = f" ({PATTERNS[path][lang]})" if path in PATTERNS else facts.get("got", "")
        if kind not in MESSAGES:  # a constraint added to the schema without words here: still readable
            out.append({"field": path, "code": kind, "problem": error["msg"], "message": error["msg"]})
            continue
        out.append(problem(kind, path, say(kind, "en", **{**facts, **_input_facts(error, loc, "en")}), lang, **facts))
    return out


def _input_facts(error: Mapping[str, Any], loc: tuple[str | int, ...], lang: Lang) -> dict[str, str]:
    """{value}, {got}, {allowed}, {name}, {hint}: what the admin wrote and what would be right."""
    value = error.get("input")
    shown = repr(value) if isinstance(value, str | int | float | bool) and len(repr(value)) <= 60 else ""
    given = {"de": f" (angegeben: {shown})", "en": f" (got {shown})"}[lang]
    facts = {"value": str(value) if shown else "", "got": given if shown else ""}
    if error["type"] == "literal_error":
        choices = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
        facts["allowed"] = OR[lang].join(choices)
        if "[key]" in loc:  # a key that is not a language code or a weekday
            facts["value"] = str(loc[loc.index("[key]") - 1])
    if error["type"] == "extra_forbidden":
        path = tuple(p for p in loc if p != "[key]")
        name = str(path[-1])
        model = _model_at(path[:-1])
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(name, known, n=1)
        hint = {"de": f" (meinten Sie „{close[0]}“?)", "en": f" (did you mean '{close[0]}'?)"} if close else None
        facts.update(name=name, hint=hint[lang] if hint else "")
    return facts


# Where PyYAML and Jinja put a problem, as triage/packs/load.py and render.py write it: the line (and
# column) are said in the admin's language, the library's own detail follows as it wrote it.
_WHERE = re.compile(
    r"^(?:line (?P<line>\d+)(?:, column (?P<column>\d+))?: )?(?:YAML (?:syntax )?error|template syntax error"
    r"(?: in line (?P<tline>\d+))?|template fails when rendered)?:? ?(?P<detail>.*)$",
    re.S,
)
_AT: dict[Lang, tuple[str, str]] = {"de": (" in Zeile {}", ", Spalte {}"), "en": (" in line {}", ", column {}")}


def other_problem(kind: str, field: str, english: str, reader: Lang, **facts: Any) -> dict[str, str]:
    """A problem found outside the schema (the document, templates, numbers, webhooks): the lead-in and
    the place in the admin's language, with the library's own detail where there is one."""
    where, detail = "", english
    if kind in ("yaml", "template"):
        found = _WHERE.match(english)
        if found:
            line, column = found["line"] or found["tline"], found["column"]
            where = (_AT[reader][0].format(line) if line else "") + (_AT[reader][1].format(column) if column else "")
            detail = found["detail"] or english
    return problem(kind, field, english, reader, **{"detail": detail, "where": where, **facts})

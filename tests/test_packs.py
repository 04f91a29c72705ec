"""Client packs: the shipped demo packs are complete, and a broken pack is refused with a message
that tells an admin which file and which field to fix."""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from jinja2.exceptions import SecurityError, TemplateSyntaxError

from triage.packs import load as load_module
from triage.packs.load import (
    PackError,
    client_for_number,
    default_prompts_dir,
    list_clients,
    load_all,
    load_pack,
    pack_from_yaml_text,
    safe_yaml,
)
from triage.packs.render import SAMPLE_VARIABLES, check_templates, digits, or_list, render, say
from triage.packs.schema import Prompts

REPO_PROMPTS = Path(load_module.__file__).resolve().parents[2] / "prompts"
DEMO_CLIENTS = (
    "sanitaer-notdienst",
    "apotheke-am-markt",
    "kanzlei-berg",
    "sicherheitsdienst-nord",
    "it-service-hansa",
)
MINIMAL = """\
name: Testfirma
business: {de: Testbetrieb, en: test business}
languages: [de, en]
"""


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    """A prompts directory with the real defaults, for writing broken clients into."""
    root = tmp_path / "prompts"
    shutil.copytree(REPO_PROMPTS / "_defaults", root / "_defaults")
    return root


def write_client(root: Path, client_id: str, **files: str) -> Path:
    folder = root / client_id
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def refusal(root: Path, client_id: str = "acme") -> str:
    with pytest.raises(PackError) as caught:
        load_pack(client_id, root)
    return str(caught.value)


# --- the demo packs ----------------------------------------------------------------------------


def test_demo_packs_load_and_validate() -> None:
    packs = load_all(REPO_PROMPTS)
    assert set(DEMO_CLIENTS) <= set(packs)
    for client_id in DEMO_CLIENTS:
        pack = packs[client_id]
        assert pack.id == client_id
        assert pack.agent_language == "de"
        assert pack.hours and pack.phone_numbers and pack.address
        assert 2 <= len(pack.tests) <= 4
        channels = {c.channel for c in pack.escalation.on_call}
        assert {"phone", "webhook"} <= channels
        assert all(c.url.startswith("https://") for c in pack.escalation.on_call if c.channel == "webhook")
        assert check_templates(pack) == []


def test_demo_packs_cover_their_emergencies() -> None:
    packs = load_all(REPO_PROMPTS)
    expected = {
        "sanitaer-notdienst": {"rohrbruch", "abwasser", "heizungsausfall", "kein_wasser"},
        "kanzlei-berg": {"festnahme", "durchsuchung", "frist"},
        "sicherheitsdienst-nord": {"alarm", "einbruch"},
        "it-service-hansa": {"totalausfall", "ransomware"},
    }
    for client_id, ids in expected.items():
        assert ids <= {e.id for e in packs[client_id].emergencies}
    assert packs["kanzlei-berg"].emergency("frist").urgency == "P2"
    assert packs["sanitaer-notdienst"].records_calls is True
    assert packs["apotheke-am-markt"].languages == ["de"]
    assert len(packs["apotheke-am-markt"].catalog) >= 12
    assert set(packs["apotheke-am-markt"].order.fulfilment) == {"pickup", "delivery"}


def test_every_offered_language_has_every_prompt() -> None:
    for pack in load_all(REPO_PROMPTS).values():
        for lang in pack.languages:
            for key in Prompts.model_fields:
                value = getattr(pack.prompts, key)[lang]
                assert value, f"{pack.id}: prompts.{key}.{lang} is empty"
                if isinstance(value, str):
                    assert say(pack, key, lang, **SAMPLE_VARIABLES).strip()
                    assert say(pack, key, lang).strip()


def test_greeting_discloses_the_ai_and_p0_says_the_number() -> None:
    pack = load_pack("sanitaer-notdienst", REPO_PROMPTS)
    assert "KI-Assistent" in say(pack, "greeting", "de")
    assert pack.name in say(pack, "greeting", "de")
    assert "AI assistant" in say(pack, "greeting", "en")
    gas = say(pack, "p0_gas", "de", number="112")
    assert "1 1 2" in gas and "Gebäude" in gas and "schalter" in gas
    assert "1 1 0" in say(pack, "p0_police", "de")  # falls back to the police number when none is passed


def test_yes_and_no_words_stay_words() -> None:
    """YAML 1.1 would read `no` and `yes` as booleans; the loader must keep them as words."""
    prompts = load_pack("kanzlei-berg", REPO_PROMPTS).prompts
    assert "no" in prompts.no_words["en"] and "yes" in prompts.yes_words["en"]
    assert "nein" in prompts.no_words["de"] and "ja" in prompts.yes_words["de"]


# --- inheritance -------------------------------------------------------------------------------


def test_client_inherits_defaults_and_its_overrides_win(prompts: Path) -> None:
    write_client(
        prompts,
        "acme",
        pack=MINIMAL
        + """
        public_numbers: {gas: "0800 1234567"}
        prompts:
          ask_need: {de: "Was gibt es?", en: "What's up?"}
        """.replace("        ", ""),
    )
    pack = load_pack("acme", prompts)
    defaults = load_pack("sanitaer-notdienst", REPO_PROMPTS)
    assert pack.id == "acme"  # taken from the folder name
    assert pack.prompts.ask_need == {"de": "Was gibt es?", "en": "What's up?"}
    assert pack.prompts.goodbye == defaults.prompts.goodbye
    assert pack.public_numbers.gas == "0800 1234567"
    assert pack.public_numbers.police == "110"  # a mapping merges key by key


def test_files_of_a_client_merge_in_name_order(prompts: Path) -> None:
    write_client(
        prompts,
        "acme",
        pack=MINIMAL + "address: Erste Straße 1\n",
        zz_override="address: Letzte Straße 9\n",
        catalog="""
        catalog:
          - sku: A1
            name: {de: Artikel, en: item}
        """,
    )
    pack = load_pack("acme", prompts)
    assert pack.address == "Letzte Straße 9"
    assert [c.sku for c in pack.catalog] == ["A1"]


# --- refusals ----------------------------------------------------------------------------------


def test_missing_translation_names_file_and_field(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL + 'prompts:\n  greeting: {de: "Hallo, hier ist die KI."}\n')
    message = refusal(prompts)
    assert "prompts/acme/pack.yaml: prompts.greeting.en: missing translation" in message


def test_missing_translation_in_a_list_item_names_its_file(prompts: Path) -> None:
    write_client(
        prompts,
        "acme",
        pack=MINIMAL,
        emergencies="""
        emergencies:
          - id: flut
            label: {de: Flut}
            phrases: {de: [flut]}
        """,
    )
    assert "prompts/acme/emergencies.yaml: emergencies[0].label.en: missing translation" in refusal(prompts)


def test_unknown_key_is_refused_with_a_suggestion(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL + 'prompts:\n  greting: {de: "Hallo", en: "Hello"}\n')
    message = refusal(prompts)
    assert "prompts/acme/pack.yaml: prompts.greting: unknown field 'greting'" in message
    assert "did you mean 'greeting'?" in message


def test_unknown_top_level_key_is_refused(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL + "emergencys: []\n")
    assert "prompts/acme/pack.yaml: emergencys: unknown field 'emergencys' (did you mean 'emergencies'?)" in refusal(
        prompts
    )


def test_bad_regex_is_refused(prompts: Path) -> None:
    write_client(
        prompts,
        "acme",
        pack=MINIMAL,
        emergencies="""
        emergencies:
          - id: flut
            label: {de: Flut, en: flood}
            phrases: {de: ['wasser (kommt']}
        """,
    )
    message = refusal(prompts)
    assert "prompts/acme/emergencies.yaml: emergencies[0].phrases:" in message
    assert "not a valid pattern" in message


def test_yaml_syntax_error_names_file_and_line(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL + "address: [Hauptstraße 5\nhours: {}\n")
    message = refusal(prompts)
    assert message.startswith("prompts/acme/pack.yaml: line ")
    assert "YAML syntax error" in message


def test_duplicate_yaml_key_is_refused(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL + "address: Eins\naddress: Zwei\n")
    message = refusal(prompts)
    assert "prompts/acme/pack.yaml: line 5" in message
    assert "YAML error: the key 'address' appears twice" in message


def test_template_syntax_error_is_refused(prompts: Path) -> None:
    write_client(
        prompts,
        "acme",
        pack=MINIMAL + 'prompts:\n  goodbye: {de: "Tschüss {{ caller_name ", en: "Bye {% if %}"}\n',
    )
    message = refusal(prompts)
    assert "prompts/acme/pack.yaml: prompts.goodbye.de: template syntax error" in message
    assert "prompts/acme/pack.yaml: prompts.goodbye.en: template syntax error" in message


def test_template_that_fails_when_rendered_is_refused(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL + 'prompts:\n  goodbye: {de: "{{ 1 + \'x\' }}", en: "Bye"}\n')
    assert "prompts/acme/pack.yaml: prompts.goodbye.de: template fails when rendered" in refusal(prompts)


@pytest.mark.parametrize(
    ("template", "refused"),
    [
        ("Hallo {{ (10**(10**7)) % 7 }}", "is not allowed in a prompt"),  # folded at compile time if allowed
        ("{{ 'a' * 10**8 }}", "is not allowed in a prompt"),  # 100 MB
        ("{% for a in range(3000) %}{% for b in range(3000) %}x{% endfor %}{% endfor %}", "not allowed"),
        ("{% for o in option_values %}{% for p in option_values %}x{% endfor %}{% endfor %}", "loop inside a loop"),
        ("{{ 'a'.ljust(100000000) }}", "function call"),
        ("{{ '%100000000d' % 1 }}", "'%'"),
        ("{{ 'a'|center(100000000) }}", "filter 'center'"),
        ("{{ 'ab'|replace('a', 'aaaaaaaaaa') }}", "filter 'replace'"),
        ("{% set x = 'a' %}{{ x }}", "not allowed"),
        ("{{ caller_name() }}", "function call"),
        ("x" * 2001, "at most 2000 characters"),
    ],
)
def test_templates_that_could_stall_or_bloat_the_server_are_refused_before_compiling(
    prompts: Path, template: str, refused: str
) -> None:
    """A client admin's prompt must not hold the interpreter or fill memory: each of these is
    refused by the pack check at once (a template is checked before Jinja2 compiles it)."""
    started = time.monotonic()
    with pytest.raises(TemplateSyntaxError, match=re.escape(refused)):
        render(template, option_values=["a", "b"])
    write_client(prompts, "acme", pack=MINIMAL + f"prompts:\n  goodbye: {{de: {json.dumps(template)}, en: Bye}}\n")
    assert "prompts.goodbye.de: template syntax error" in refusal(prompts)
    print(f"refused in {time.monotonic() - started:.3f} s: {template[:60]}")


def test_what_prompts_use_still_renders() -> None:
    variables = {"option_values": ["10 Stück", "20 Stück"], "phone": "040 123", "time_of_day": "evening"}
    assert render("{% for o in option_values %}{{ o|upper }} {% endfor %}", **variables) == "10 STÜCK 20 STÜCK"
    assert render("{{ option_values|or_list('or') }}", **variables) == "10 Stück or 20 Stück"
    assert render("{{ (number or '112')|digits }}", **variables) == "1 1 2"
    assert render("{% if time_of_day == 'evening' or time_of_day == 'night' %}Abend{% endif %}", **variables) == "Abend"
    assert render("{{ caller_name|default('Sie') ~ '!' }}") == "Sie!"


def test_missing_field_in_catalog_file_names_that_file(prompts: Path) -> None:
    write_client(
        prompts,
        "acme",
        pack=MINIMAL,
        catalog="""
        catalog:
          - {sku: A1, name: {de: Eins, en: one}}
          - {sku: A2, name: {de: Zwei, en: two}}
          - {name: {de: Drei, en: three}}
        """,
    )
    assert "prompts/acme/catalog.yaml: catalog[2].sku: field required" in refusal(prompts)


def test_missing_required_field_names_the_client_folder(prompts: Path) -> None:
    write_client(prompts, "acme", pack="business: {de: Test, en: test}\nlanguages: [de]\n")
    assert "prompts/acme/: name: field required" in refusal(prompts)


def test_wrong_value_type_shows_what_was_given(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL.replace("[de, en]", "[de, fr]"))
    message = refusal(prompts)
    assert "prompts/acme/pack.yaml: languages[1]:" in message and "'fr'" in message


def test_error_in_defaults_is_blamed_on_defaults(prompts: Path) -> None:
    defaults = prompts / "_defaults" / "pack.yaml"
    text = defaults.read_text(encoding="utf-8").replace("accept_timeout_s: 60", "accept_timeout_s: 1")
    defaults.write_text(text, encoding="utf-8")
    write_client(prompts, "acme", pack=MINIMAL)
    assert "prompts/_defaults/pack.yaml: escalation.accept_timeout_s:" in refusal(prompts)


def test_id_must_match_folder(prompts: Path) -> None:
    write_client(prompts, "acme", pack="id: other\n" + MINIMAL)
    assert "prompts/acme/pack.yaml: id: 'other' does not match the client 'acme'" in refusal(prompts)


def test_unknown_client_lists_the_known_ones() -> None:
    with pytest.raises(PackError) as caught:
        load_pack("sanitaer", REPO_PROMPTS)
    message = str(caught.value)
    assert "unknown client 'sanitaer'" in message
    for client_id in DEMO_CLIENTS:
        assert client_id in message


def test_client_ids_cannot_escape_the_prompts_dir(prompts: Path) -> None:
    with pytest.raises(PackError, match="unknown client"):
        load_pack("../prompts/_defaults", prompts)


def test_load_all_reports_every_broken_pack_and_shared_numbers(prompts: Path) -> None:
    write_client(prompts, "one", pack=MINIMAL + 'phone_numbers: ["+49 40 111222"]\n')
    write_client(prompts, "two", pack=MINIMAL + 'phone_numbers: ["040 111222"]\n')
    write_client(prompts, "three", pack=MINIMAL + "nmae: typo\n")
    with pytest.raises(PackError) as caught:
        load_all(prompts)
    message = str(caught.value)
    assert "prompts/three/pack.yaml: nmae: unknown field" in message
    assert "prompts/two/pack.yaml: phone_numbers: '040 111222' also belongs to 'one'" in message


# --- directory, import, cache --------------------------------------------------------------------


def test_list_clients_skips_defaults(prompts: Path) -> None:
    write_client(prompts, "acme", pack=MINIMAL)
    assert list_clients(prompts) == ["acme"]
    assert set(DEMO_CLIENTS) <= set(list_clients(REPO_PROMPTS))


def test_default_prompts_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, prompts: Path) -> None:
    monkeypatch.delenv("TRIAGE_PROMPTS_DIR", raising=False)
    assert default_prompts_dir() == REPO_PROMPTS
    monkeypatch.setenv("TRIAGE_PROMPTS_DIR", str(prompts))
    assert default_prompts_dir() == prompts


def test_pack_from_yaml_text(prompts: Path) -> None:
    pack = pack_from_yaml_text("id: upload\n" + MINIMAL, "upload.yaml", prompts)
    assert pack.id == "upload" and pack.prompts.ask_need["de"]
    with pytest.raises(PackError, match=r"^upload\.yaml: prompts\.greting: unknown field"):
        pack_from_yaml_text("id: upload\n" + MINIMAL + "prompts: {greting: {de: x}}\n", "upload.yaml", prompts)
    with pytest.raises(PackError, match=r"^upload\.yaml: id: field required"):
        pack_from_yaml_text(MINIMAL, "upload.yaml", prompts)


def test_loaded_packs_are_cached_until_a_file_changes(prompts: Path) -> None:
    folder = write_client(prompts, "acme", pack=MINIMAL + "address: Alt 1\n")
    first = load_pack("acme", prompts)
    assert load_pack("acme", prompts) is first
    path = folder / "pack.yaml"
    path.write_text(MINIMAL + "address: Neu 22\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_pack("acme", prompts).address == "Neu 22"


# --- rendering ---------------------------------------------------------------------------------


def test_render_fills_and_tolerates_missing_variables() -> None:
    template = "Danke, {{ caller_name }}. Wir rufen {{ phone|digits }} an."
    assert render(template, caller_name="Anna", phone="040 123") == "Danke, Anna. Wir rufen 0 4 0, 1 2 3 an."
    assert render(template) == "Danke. Wir rufen an."
    assert render("{{ caller.name.first }} ok") == "ok"


def test_sandbox_does_not_leak_internals() -> None:
    attacks = [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ self.__init__.__globals__ }}",
        "{{ caller_name.__class__.__base__ }}",
    ]
    for attack in attacks:
        try:
            out = render(attack, caller_name="Anna")
        except (SecurityError, TemplateSyntaxError):  # refused when run, or already when parsed
            continue
        assert "class" not in out and "object" not in out and "<" not in out, (attack, out)


def test_say_falls_back_to_the_first_language() -> None:
    pack = load_pack("apotheke-am-markt", REPO_PROMPTS)
    assert say(pack, "ask_need", "en") == pack.prompts.ask_need["de"]
    with pytest.raises(KeyError):
        say(pack, "no_such_prompt", "de")


def test_filters() -> None:
    assert digits("+49 40 1234567") == "+ 4 9, 4 0, 1 2 3 4 5 6 7"
    assert digits("null eins eins") == "null eins eins"
    assert or_list(["klein", "mittel", "groß"], "oder") == "klein, mittel oder groß"
    assert or_list("schon fertig") == "schon fertig"


# --- routing -----------------------------------------------------------------------------------


def test_client_for_number_compares_digits_and_prefixes() -> None:
    packs = load_all(REPO_PROMPTS)
    for called in ("+494012345 67", "04012345 67", "+49 (0)40 1234567", "0049 40 1234567", "494012345 67"):
        assert client_for_number(packs, called) == "sanitaer-notdienst", called
    assert client_for_number(packs, "+49 30 999999") is None
    assert client_for_number(packs, "") is None


def test_a_yaml_alias_bomb_is_refused_before_it_expands(prompts: Path) -> None:
    """Ten aliases per level over seven levels would be 10^7 values from 400 bytes."""
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)]
    bomb = "\n".join(lines) + "\n"
    assert len(bomb) < 600
    started = time.monotonic()
    with pytest.raises(yaml.YAMLError, match="aliases"):
        safe_yaml(bomb)
    write_client(prompts, "acme", pack=MINIMAL + bomb)
    assert "aliases (*a0) are not allowed" in refusal(prompts)
    print(f"alias bomb refused in {time.monotonic() - started:.3f} s")
    assert safe_yaml("a: &anchor 1\nb: 2\n") == {"a": 1, "b": 2}, "an anchor without an alias is harmless"

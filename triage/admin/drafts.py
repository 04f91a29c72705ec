"""Checking an admin's draft of a pack before anything is saved: every problem with the field it
is in and how to fix it, whether the pack's own tests pass, and a preview call against it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..brain.dialogue import Dialogue
from ..brain.model import TextModel
from ..brain.pack_tests import play, run_pack_tests
from ..handoff.webhooks import secret_env_problem, target_problem
from ..packs.load import PackError, canonical_number
from ..packs.schema import Pack
from ..packs.versions import build_pack
from .messages import ANOTHER_CLIENT, Lang, other_problem, problem, validation_problems

_LINE = re.compile(r"^(?P<where>[^:]+): (?P<field>[\w.\[\]-]+): (?P<problem>.+)$")


@dataclass
class DraftCheck:
    pack: Pack | None
    problems: list[dict[str, str]] = field(default_factory=list)
    tests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return self.pack is not None and not self.problems

    @property
    def tests_pass(self) -> bool:
        return all(t["passed"] for t in self.tests)

    def as_dict(self) -> dict[str, Any]:
        return {"valid": self.valid, "problems": self.problems, "tests": self.tests, "tests_pass": self.tests_pass}


def document_of(body_yaml: str | None, body_document: dict[str, Any] | None) -> str:
    """The editor sends the raw YAML, or the form's fields as a mapping (dumped to YAML here)."""
    if body_yaml is not None:
        return body_yaml
    if body_document is not None:
        return yaml.safe_dump(body_document, allow_unicode=True, sort_keys=False, width=120)
    raise ValueError("send the pack as `yaml` (text) or `document` (the fields as JSON)")


def problems_of(error: PackError, reader: Lang = "en") -> list[dict[str, str]]:
    """A refused pack's problems for the editor, each with its field and a `message` in the reader's
    language. Schema errors are translated from pydantic's errors (the PackError's cause); the rest
    (YAML, templates, the document) are PackError lines ("source: field.path: problem")."""
    if isinstance(error.__cause__, ValidationError):
        return validation_problems(error.__cause__, reader)
    out = []
    for line in str(error).splitlines():
        match = _LINE.match(line)
        field, english = (match["field"].strip(), match["problem"].strip()) if match else ("", line.split(": ", 1)[-1])
        if isinstance(error.__cause__, yaml.YAMLError):
            kind = "yaml"
        elif field.startswith("prompts."):
            kind = "template"
        else:
            kind = "document"
        out.append(other_problem(kind, field, english, reader))
    return out


def check_draft(
    client_id: str,
    document: str,
    prompts_dir: Path,
    model: TextModel | None,
    others: dict[str, Pack],
    allow_private_webhooks: bool = False,
    secret_prefix: str = "TRIAGE_WEBHOOK_",
    may_see: Callable[[str], bool] = lambda client_id: False,
    reader: Lang = "en",
) -> DraftCheck:
    """Validate (schema, translations, templates, unreachable parts, numbers taken by another
    client, webhook targets inside the platform) and run the pack's own tests.

    Another client is named only if `may_see` it: a client admin must not learn which other
    clients the platform serves. Problems are worded for `reader` (the admin's language)."""
    try:
        pack = build_pack(client_id, document, prompts_dir)
    except PackError as exc:
        problems = problems_of(exc, reader)
        for p in problems:  # the one check of the document against the client it is saved for
            if p["field"] == "id" and p["code"] == "document":
                p.update(problem("id_mismatch", "id", p["problem"], reader, client=client_id))
        return DraftCheck(None, problems)
    problems = []
    for number in pack.phone_numbers:
        owner = next(
            (
                other_id
                for other_id, other in others.items()
                if other_id != client_id
                and any(canonical_number(n) == canonical_number(number) for n in other.phone_numbers)
            ),
            None,
        )
        if owner:
            whose = f"client {owner!r}" if may_see(owner) else "another client of this platform"
            shown = {"de": f"Kunde „{owner}“", "en": f"client '{owner}'"}[reader] if may_see(owner) else None
            problems.append(
                problem(
                    "number_taken",
                    "phone_numbers",
                    f"{number!r} already rings {whose}",
                    reader,
                    number=number,
                    owner=shown or ANOTHER_CLIENT[reader],
                )
            )
    problems += _webhook_problems(pack, allow_private_webhooks, secret_prefix, reader)
    tests = [{"name": r.name, "passed": r.passed, "failures": r.failures} for r in run_pack_tests(pack, model)]
    return DraftCheck(pack, problems, tests)


def _webhook_problems(pack: Pack, allow_private: bool, secret_prefix: str, reader: Lang) -> list[dict[str, str]]:
    """Webhook targets inside the platform's network, and secrets read from any other variable."""
    problems: list[dict[str, str]] = []
    targets: list[tuple[str, str]] = []
    if pack.webhook is not None:
        targets.append(("webhook.url", pack.webhook.url))
        why = secret_env_problem(pack.webhook.secret_env, secret_prefix)
        if why:
            problems.append(other_problem("webhook", "webhook.secret_env", why, reader))
    for i, contact in enumerate(pack.escalation.on_call):
        if contact.channel == "webhook" and contact.url:
            targets.append((f"escalation.on_call[{i}].url", contact.url))
    for path, url in targets:
        why = target_problem(url, allow_private)
        if why:
            problems.append(other_problem("webhook", path, why, reader))
    return problems


def preview_call(pack: Pack, model: TextModel | None, turns: list[str | dict], lang: str | None) -> dict[str, Any]:
    """A text call against a pack that need not be saved; nothing is stored."""
    dialogue = Dialogue(pack, model, lang=lang)
    outcome = play(dialogue, turns)
    state = dialogue.state
    return {
        "language": state.lang,
        "transcript": [{"role": t.role, "text": t.text} for t in state.transcript],
        "outcome": outcome.as_dict() if outcome else None,
    }

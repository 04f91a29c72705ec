"""Checking an admin's draft of a pack before anything is saved: every problem with the field it
is in and how to fix it, whether the pack's own tests pass, and a preview call against it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..brain.dialogue import Dialogue
from ..brain.model import TextModel
from ..brain.pack_tests import play, run_pack_tests
from ..handoff.webhooks import secret_env_problem, target_problem
from ..packs.load import PackError, canonical_number
from ..packs.schema import Pack
from ..packs.versions import build_pack

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


def problems_of(error: PackError) -> list[dict[str, str]]:
    """PackError lines ("source: field.path: problem") as {field, problem} for the editor."""
    out = []
    for line in str(error).splitlines():
        match = _LINE.match(line)
        if match:
            out.append({"field": match["field"].strip(), "problem": match["problem"].strip()})
        else:
            out.append({"field": "", "problem": line.split(": ", 1)[-1]})
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
) -> DraftCheck:
    """Validate (schema, translations, templates, unreachable parts, numbers taken by another
    client, webhook targets inside the platform) and run the pack's own tests.

    Another client is named only if `may_see` it: a client admin must not learn which other
    clients the platform serves."""
    try:
        pack = build_pack(client_id, document, prompts_dir)
    except PackError as exc:
        return DraftCheck(None, problems_of(exc))
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
            problems.append({"field": "phone_numbers", "problem": f"{number!r} already rings {whose}"})
    problems += _webhook_problems(pack, allow_private_webhooks, secret_prefix)
    tests = [{"name": r.name, "passed": r.passed, "failures": r.failures} for r in run_pack_tests(pack, model)]
    return DraftCheck(pack, problems, tests)


def _webhook_problems(pack: Pack, allow_private: bool, secret_prefix: str) -> list[dict[str, str]]:
    """Webhook targets inside the platform's network, and secrets read from any other variable."""
    problems: list[dict[str, str]] = []
    targets: list[tuple[str, str]] = []
    if pack.webhook is not None:
        targets.append(("webhook.url", pack.webhook.url))
        problem = secret_env_problem(pack.webhook.secret_env, secret_prefix)
        if problem:
            problems.append({"field": "webhook.secret_env", "problem": problem})
    for i, contact in enumerate(pack.escalation.on_call):
        if contact.channel == "webhook" and contact.url:
            targets.append((f"escalation.on_call[{i}].url", contact.url))
    for path, url in targets:
        problem = target_problem(url, allow_private)
        if problem:
            problems.append({"field": path, "problem": problem})
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

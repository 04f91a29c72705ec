"""Turning a pack's prompt templates into the sentences a caller hears.

Prompt wording is written by admins, so it is rendered in Jinja2's immutable sandbox: a template
can fill in and branch on the call's variables, but it cannot reach Python internals or change
the objects it is given. The sandbox alone does not bound time or memory (``10**(10**7)`` is folded
at compile time while holding the interpreter, ``'a' * 10**8`` allocates 100 MB, nested ``range``
loops run for seconds), so a template may only use what a prompt needs: variables, constants,
conditions, comparisons, ``~``/``+``, a short list of filters and one level of loops over a
variable. Everything else is refused when the template is parsed, before Jinja2 compiles it, and a
template is at most MAX_TEMPLATE characters: rendering is then linear in the template and the
call's variables, and the cache of compiled templates is bounded in memory too.

A variable the dialog does not have at that moment (no caller name yet)
renders as nothing instead of failing mid-call; the whitespace and stray commas it leaves behind
are tidied away because the text goes to text-to-speech, where "Danke, ." would be read out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from jinja2 import ChainableUndefined, Template, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

from triage.packs.schema import Pack, Prompts

_PHONE_LIKE = re.compile(r"\+?[\d\s/()-]+")
_PHONE_GROUP_SPLIT = re.compile(r"[\s/()-]+")

# Every variable the dialog may hand to a prompt, with a plausible value, for the trial render
# that check_templates does before a pack goes live.
SAMPLE_VARIABLES: dict[str, Any] = {
    "client_name": "Musterfirma",
    "caller_name": "Anna Schmidt",
    "address": "Hauptstraße 5, 20095 Hamburg",
    "phone": "0170 1234567",
    "items": "zwei Packungen Ibuprofen 400, 20 Stück",
    "option_group": "size",
    "option_values": ["10 Stück", "20 Stück"],
    "item": "Ibuprofen 400",
    "message": "Bitte um Rückruf wegen der Rechnung",
    "fulfilment": "pickup",
    "number": "112",
    "advice": "Drehen Sie den Hauptwasserhahn zu.",
    "time_of_day": "morning",
}


def digits(value: object) -> str:
    """Read a phone number digit by digit, a short pause between its groups.

    Text-to-speech reads "112" as "one hundred and twelve" and "0170 1234567" as a huge number;
    on the phone, numbers are said digit by digit. Anything that is not a phone number (already
    spelled out, or empty) is returned unchanged.
    """
    text = str(value).strip()
    if not _PHONE_LIKE.fullmatch(text):
        return text
    groups = [g for g in _PHONE_GROUP_SPLIT.split(text) if g]
    return ", ".join(" ".join(group) for group in groups)


def digit_groups(value: object) -> str:
    """Read a phone number slowly: digit by digit in groups of three, a pause after each group, for a caller
    who asked for the read-back again more slowly ("langsamer bitte", "slower please"). The last group keeps at
    least two digits, so no digit stands alone at the end."""
    text = str(value).strip()
    if not _PHONE_LIKE.fullmatch(text):
        return text
    numerals = [ch for ch in text if ch.isdigit() or ch == "+"]
    groups = [numerals[i : i + 3] for i in range(0, len(numerals), 3)]
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2:] = [groups[-2][:2], groups[-2][2:] + groups[-1]]
    return ", ".join(" ".join(group) for group in groups)


def or_list(values: object, word: str = "oder") -> str:
    """Say alternatives the way people do: "a, b oder c". A ready-made string is kept as it is."""
    if isinstance(values, str):
        return values
    items = [str(v) for v in values] if isinstance(values, Iterable) else [str(values)]
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


MAX_TEMPLATE = 2000  # characters; the longest shipped prompt has about 260

# Filters whose output is at most linear in their input; no repeat, pad, replace, center or format.
SAFE_FILTERS = frozenset(
    {
        "digits",
        "digit_groups",
        "or_list",
        "default",
        "d",
        "upper",
        "lower",
        "capitalize",
        "title",
        "trim",
        "first",
        "last",
        "length",
        "count",
        "join",
        "string",
        "int",
        "float",
        "round",
        "abs",
    }
)
# The syntax a prompt needs. Not here: calls (range, str.ljust, lipsum ...), *, **, /, //, %,
# {% set %}, macros, blocks, includes, filter blocks, with.
_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.Name,
    nodes.Const,
    nodes.If,
    nodes.CondExpr,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Neg,
    nodes.Pos,
    nodes.Compare,
    nodes.Operand,
    nodes.Concat,
    nodes.Add,
    nodes.Sub,
    nodes.Filter,
    nodes.Test,
    nodes.Getattr,
    nodes.Getitem,
    nodes.Slice,
    nodes.Tuple,
    nodes.List,
    nodes.Dict,
    nodes.Pair,
    nodes.Keyword,
    nodes.For,
)


class PromptSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, refusing at parse time every construct a prompt does not need.

    The check runs on the parsed tree, before code generation: that is where Jinja2 folds
    constants, so a refused ``**`` never gets evaluated, not even at compile time.
    """

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        if len(source) > MAX_TEMPLATE:
            raise TemplateSyntaxError(f"a prompt may have at most {MAX_TEMPLATE} characters", 1, name, filename)
        tree = super()._parse(source, name, filename)
        _refuse_unbounded(tree, name, filename)
        return tree


def _refuse_unbounded(tree: nodes.Template, name: str | None, filename: str | None) -> None:
    def refuse(node: nodes.Node, what: str) -> None:
        raise TemplateSyntaxError(f"{what} is not allowed in a prompt", node.lineno, name, filename)

    for node in tree.find_all(nodes.Node):
        if not isinstance(node, _ALLOWED_NODES):
            what = {
                "Pow": "'**'",
                "Mul": "'*'",
                "Div": "'/'",
                "FloorDiv": "'//'",
                "Mod": "'%'",
                "Call": "a function call",
            }.get(type(node).__name__, f"{type(node).__name__.lower()}")
            refuse(node, what)
        if isinstance(node, nodes.Filter | nodes.Test) and (node.dyn_args or node.dyn_kwargs):
            refuse(node, "'*args' in a filter")
        if isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
            refuse(node, f"the filter {node.name!r}")
        if isinstance(node, nodes.For):
            if not isinstance(node.iter, nodes.Name | nodes.Getattr) or node.recursive:
                refuse(node, "a loop over anything but a variable")
            if any(True for _ in node.find_all(nodes.For)):
                refuse(node, "a loop inside a loop")


def _environment() -> PromptSandbox:
    env = PromptSandbox(autoescape=False, undefined=ChainableUndefined)
    env.filters["digits"] = digits
    env.filters["digit_groups"] = digit_groups
    env.filters["or_list"] = or_list
    env.globals.clear()  # range, lipsum, cycler, joiner, namespace: no prompt needs them
    return env


_ENV = _environment()


@lru_cache(maxsize=256)
def _compile(source: str) -> Template:
    """Compiling is the expensive part; prompts are few and repeat on every call.

    Bounded: 256 templates of at most MAX_TEMPLATE characters each.
    """
    return _ENV.from_string(source)


def _tidy(text: str) -> str:
    """Remove what empty variables leave behind: double spaces, a space before punctuation, ", ." or ": .".

    Line breaks from YAML block scalars become spaces too: speech has no lines.
    """
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r" ([,.!?;:])", r"\1", text)
    text = re.sub(r"[,;:]([.!?])", r"\1", text)
    return text.strip()


def render(template: str, **variables: Any) -> str:
    """Render one prompt template; missing variables render empty.

    Raises jinja2.TemplateError (e.g. TemplateSyntaxError, SecurityError) for a broken template;
    load refuses packs whose prompts would do that, see check_templates.
    """
    return _tidy(_compile(template).render(**variables))


def say(pack: Pack, key: str, lang: str, **variables: Any) -> str:
    """The sentence `key` of this client in the caller's language, filled with the call's variables.

    A language the client does not offer falls back to its first language: the defaults carry
    English for every client, but a German-only client's staff and catalogue continue in German.
    """
    if key not in Prompts.model_fields:
        raise KeyError(f"no prompt named {key!r}")
    texts = getattr(pack.prompts, key)
    text = texts.get(lang if lang in pack.languages else pack.languages[0]) or next(iter(texts.values()), "")
    if not isinstance(text, str):
        raise TypeError(f"prompts.{key} is a word list, not a sentence")
    return render(text, **{"client_name": pack.name, **variables})


def check_templates(pack: Pack) -> list[str]:
    """Problems of the pack's prompt templates, each as "prompts.<key>.<lang>: <problem>".

    A template that does not compile, or that fails when rendered with or without the call's
    variables, would break a live call; such a pack must be refused when it is loaded.
    """
    problems: list[str] = []
    filled = {**SAMPLE_VARIABLES, "client_name": pack.name}
    for key, texts in pack.prompts:
        for lang, text in texts.items():
            if not isinstance(text, str):
                continue
            path = f"prompts.{key}.{lang}"
            try:
                _compile(text)
            except TemplateSyntaxError as exc:
                problems.append(f"{path}: template syntax error in line {exc.lineno}: {exc.message}")
                continue
            for variables in ({}, filled):
                try:
                    render(text, **variables)
                except (TemplateError, ArithmeticError, TypeError, ValueError) as exc:
                    problems.append(f"{path}: template fails when rendered: {exc}")
                    break
    return problems


# Variables whose few values are known before any call: prompts that use only these can be
# rendered (and spoken) ahead of time, one version per value.
_AHEAD_OF_TIME: dict[str, tuple[str, ...]] = {"time_of_day": ("morning", "afternoon", "evening", "night")}


def fixed_prompts(pack: Pack, keys: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Every sentence of this pack that does not depend on the caller, by language.

    The greeting varies only with the time of day, so each of its versions is included; a
    read-back of the caller's address is not. These are the sentences worth synthesising before
    the phone rings.
    """
    wanted = set(keys) if keys is not None else None
    out: dict[str, set[str]] = {lang: set() for lang in pack.languages}
    for key, texts in pack.prompts:
        if wanted is not None and key not in wanted:
            continue
        for lang, text in texts.items():
            if lang not in out or not isinstance(text, str):
                continue
            free = meta.find_undeclared_variables(_ENV.parse(text)) - {"client_name"}
            if not free <= _AHEAD_OF_TIME.keys():
                continue
            combos = [{}] if not free else [{"time_of_day": v} for v in _AHEAD_OF_TIME["time_of_day"]]
            for variables in combos:
                sentence = render(text, client_name=pack.name, **variables)
                if sentence:
                    out[lang].add(sentence)
    return out

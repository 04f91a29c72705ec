"""Loading client packs from the prompts directory, and refusing broken ones with a useful message.

Layout: ``prompts/_defaults/*.yaml`` holds what every client inherits (above all every prompt in
German and English); ``prompts/<client-id>/*.yaml`` holds one client, at least ``pack.yaml``.
The files are merged in order (defaults first, then the client's files by file name): mappings
merge key by key, lists and scalars replace. One exception: a sentence given per language
(``{de: ..., en: ...}``) is replaced as a whole, so a client that rewrites its German greeting
cannot silently keep the generic English one; the translation check then names the gap.

Admins edit these files while calls are running. Every problem is therefore reported as
``<file>: <field path>: <problem>`` against the file that set the field, so the admin knows
where to look without reading a pydantic traceback.
"""

from __future__ import annotations

import difflib
import os
import re
import types
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from triage.packs.render import check_templates
from triage.packs.schema import LANGS, Pack

PROMPTS_ENV = "TRIAGE_PROMPTS_DIR"
DEFAULTS = "_defaults"
PACK_FILE = "pack.yaml"

KeyPath = tuple[str | int, ...]


class PackError(Exception):
    """A pack that must not go live. One line per problem: ``<file>: <field path>: <problem>``."""


class UnknownClient(PackError):
    """No pack of that id exists at all (a caller's wrong number), as against one that does not validate."""


# --- YAML ----------------------------------------------------------------------------------------


class NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader without aliases: a YAML document an admin sends cannot expand.

    An alias (``*name``) repeats a node; ten aliases per level over seven levels make a 400-byte
    document expand to 10^7 values, seconds of CPU and many MB in every parse. A pack has no need
    for them, so any alias is refused when the document is composed, before anything is built.
    Nesting is limited too: composing recurses, and `[[[[…` 100,000 deep would exhaust the stack.
    """

    MAX_DEPTH = 50
    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed in a pack", event.start_mark
            )
        if self._depth >= self.MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, f"nested deeper than {self.MAX_DEPTH} levels", mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def safe_yaml(text: str) -> Any:
    """A YAML document from outside (an admin's text) as plain data: safe tags only, no aliases."""
    return yaml.load(text, Loader=NoAliasLoader)


class _PackYamlLoader(NoAliasLoader):
    """The no-alias safe loader with two traps for admins removed.

    YAML 1.1 reads ``no``, ``yes``, ``on`` and ``off`` as booleans, which turns the word list
    ``no_words: {en: [no, nope]}`` into ``[False, "nope"]``; here only true/false are booleans.
    A key written twice in one mapping silently keeps the last value; here it is an error.
    """


_BOOL_TAG = "tag:yaml.org,2002:bool"
_PackYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in NoAliasLoader.yaml_implicit_resolvers.items()
}
_PackYamlLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_mapping_once(loader: _PackYamlLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool):
            continue  # an unhashable key is left for construct_mapping to reject
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping",
                node.start_mark,
                f"the key {key!r} appears twice",
                key_node.start_mark,
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_PackYamlLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping_once)


def _parse_yaml(text: str, source: str) -> dict[str, Any]:
    """One YAML document as a mapping; syntax errors name the file and the line."""
    try:
        data = yaml.load(text, Loader=_PackYamlLoader)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark else "somewhere"
        raise PackError(f"{source}: {where}: YAML error: {exc.problem}") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise PackError(f"{source}: {where}: YAML syntax error: {problem}") from exc
    except yaml.YAMLError as exc:
        raise PackError(f"{source}: YAML error: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PackError(f"{source}: the file must be a mapping of pack fields (key: value), not a list or text")
    return data


# --- merging with provenance ---------------------------------------------------------------------


@dataclass
class _Origin:
    """Where each key path of the merged pack came from, for error messages."""

    main_file: str  # blamed for problems no single field can be blamed for
    folder: str  # blamed for a required field that no file sets
    files: dict[KeyPath, str] = field(default_factory=dict)

    def file_of(self, path: KeyPath) -> str | None:
        """The file that last set this path or, below a replaced list or sentence, its nearest parent."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.files:
                return self.files[path[:n]]
        return None


def _is_sentence(value: object) -> bool:
    """A mapping keyed only by language codes: one sentence (or word list) in several languages."""
    return isinstance(value, dict) and bool(value) and all(k in LANGS for k in value)


def _merge(base: dict[str, Any], over: dict[str, Any], origin: _Origin, source: str, at: KeyPath = ()) -> dict:
    """A new mapping: `over` deep-merged onto `base`, recording `source` for every key it sets."""
    out = dict(base)
    for key, value in over.items():
        here = (*at, key)
        if isinstance(value, dict) and isinstance(out.get(key), dict) and not _is_sentence(value):
            out[key] = _merge(out[key], value, origin, source, here)
        else:
            out[key] = value
            for path in [p for p in origin.files if p[: len(here)] == here]:
                del origin.files[path]
        origin.files[here] = source
    return out


# --- turning validation errors into plain words ----------------------------------------------------


def _unwrap_optional(tp: Any) -> Any:
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _model_at(path: KeyPath) -> type[BaseModel] | None:
    """The schema model that describes the mapping at `path`, to suggest field names for a typo."""
    tp: Any = Pack
    for part in path:
        tp = _unwrap_optional(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if not isinstance(part, str) or part not in tp.model_fields:
                return None
            tp = tp.model_fields[part].annotation
        elif get_origin(tp) is list and isinstance(part, int):
            tp = get_args(tp)[0]
        elif get_origin(tp) is dict:
            tp = get_args(tp)[1]
        else:
            return None
    tp = _unwrap_optional(tp)
    return tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _format_path(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _parse_path(text: str) -> KeyPath:
    """'catalog[2].name.en' -> ('catalog', 2, 'name', 'en')."""
    return tuple(int(i) if i else name for name, i in re.findall(r"([A-Za-z_]\w*)|\[(\d+)\]", text))


def _describe(error: Mapping[str, Any], path: KeyPath) -> str:
    kind = error["type"]
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        name = str(path[-1])
        model = _model_at(path[:-1])
        known = list(model.model_fields) if model else []
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"allowed here: {', '.join(known)}" if known else ""
        return f"unknown field {name!r}" + (f" ({hint})" if hint else "")
    msg = str(error["msg"]).removeprefix("Value error, ")
    if msg[:1].isupper() and not msg[1:2].isupper():
        msg = msg[0].lower() + msg[1:]
    value = error.get("input")
    if kind != "value_error" and isinstance(value, str | int | float | bool) and len(repr(value)) <= 60:
        msg += f" (got {value!r})"
    return msg


def _root_problems(msg: str, origin: _Origin) -> list[str]:
    """Errors of the whole pack (the schema's cross-field checks) blamed on the fields they name."""
    msg = msg.removeprefix("Value error, ")
    listed = re.search(r"missing translation[^:]*: (.*)$", msg)
    if listed:
        lines = []
        for token in listed.group(1).split(", "):
            path = _parse_path(token.strip(" …"))
            if not path:
                continue
            file = origin.file_of(path[:-1]) or origin.main_file
            problem = f"missing translation into {path[-1]!r}, a language the client offers"
            lines.append(f"{file}: {_format_path(path)}: {problem}")
        if msg.endswith("…"):
            lines.append(f"{origin.main_file}: more translations are missing than listed here")
        return lines
    first = msg.split(" ", 1)[0]
    if first in Pack.model_fields:
        return [f"{origin.file_of((first,)) or origin.main_file}: {first}: {msg}"]
    return [f"{origin.main_file}: {msg}"]


def _validation_problems(exc: ValidationError, origin: _Origin) -> list[str]:
    lines: list[str] = []
    for error in exc.errors():
        path: KeyPath = tuple(p for p in error["loc"] if p != "[key]")
        if not path:
            lines += _root_problems(str(error["msg"]), origin)
            continue
        if error["type"] == "missing":
            file = origin.file_of(path[:-1]) if len(path) > 1 else None
            file = file or origin.folder
        else:
            file = origin.file_of(path) or origin.main_file
        lines.append(f"{file}: {_format_path(path)}: {_describe(error, path)}")
    return lines


def _build(data: dict[str, Any], origin: _Origin, folder_id: str | None) -> Pack:
    """Validate merged data as a Pack; templates must compile too, or the pack is refused."""
    if folder_id is not None:
        if "id" not in data:
            data = {**data, "id": folder_id}
        elif data["id"] != folder_id:
            file = origin.file_of(("id",)) or origin.main_file
            raise PackError(
                f"{file}: id: {data['id']!r} does not match the client {folder_id!r} (the folder name; rename one)"
            )
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        raise PackError("\n".join(_validation_problems(exc, origin))) from exc
    lines = []
    for line in check_templates(pack):
        path, _, problem = line.partition(": ")
        lines.append(f"{origin.file_of(_parse_path(path)) or origin.main_file}: {path}: {problem}")
    if lines:
        raise PackError("\n".join(lines))
    return pack


# --- the prompts directory -----------------------------------------------------------------------


def default_prompts_dir() -> Path:
    """$TRIAGE_PROMPTS_DIR if set (deployments keep packs outside the code), else the repo's prompts/."""
    env = os.environ.get(PROMPTS_ENV)
    from ..settings import REPO_ROOT  # the checkout's or the installed package's shipped prompts/

    return Path(env) if env else REPO_ROOT / "prompts"


def _dir(prompts_dir: Path | str | None) -> Path:
    return Path(prompts_dir) if prompts_dir is not None else default_prompts_dir()


def _shown(path: Path, prompts_dir: Path) -> str:
    """A path as an admin knows it: 'prompts/kanzlei-berg/pack.yaml', not an absolute path."""
    shown = f"{prompts_dir.name}/{path.relative_to(prompts_dir).as_posix()}"
    return shown + "/" if path.is_dir() else shown


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()), key=lambda p: p.name)


def _read_file(path: Path, shown: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(f"{shown}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:  # e.g. removed while an editor saves it
        raise PackError(f"{shown}: cannot be read: {exc.strerror}") from exc
    return _parse_yaml(text, shown)


def _defaults(prompts_dir: Path, origin: _Origin) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path in _yaml_files(prompts_dir / DEFAULTS):
        shown = _shown(path, prompts_dir)
        data = _merge(data, _read_file(path, shown), origin, shown)
    return data


def list_clients(prompts_dir: Path | str | None = None) -> list[str]:
    """Client ids: every folder of the prompts directory except _defaults (and hidden ones)."""
    root = _dir(prompts_dir)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


# Parsed packs by client folder, valid while no file's mtime or size changed: loading happens on
# every call setup, parsing and validating ~100 KB of YAML does not need to.
_CACHE: dict[Path, tuple[tuple[tuple[str, int, int], ...], Pack]] = {}


def _signature(files: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """What the cache compares; a file vanishing meanwhile (an editor saving) means no cache hit."""
    try:
        stats = [(p, p.stat()) for p in files]
    except FileNotFoundError:
        return ()
    return tuple((str(p), s.st_mtime_ns, s.st_size) for p, s in stats)


def load_pack(client_id: str, prompts_dir: Path | str | None = None) -> Pack:
    """The validated pack of one client, from cache while its files are unchanged."""
    root = _dir(prompts_dir)
    known = list_clients(root)
    if client_id not in known:
        raise UnknownClient(f"{root.name}/: unknown client {client_id!r}; known clients: {', '.join(known) or 'none'}")
    folder = root / client_id
    files = _yaml_files(folder)
    if not (folder / PACK_FILE).is_file():
        raise PackError(f"{_shown(folder, root)}: no {PACK_FILE} in the client folder")
    signature = _signature(_yaml_files(root / DEFAULTS) + files)
    cached = _CACHE.get(folder.resolve())
    if cached and cached[0] == signature:
        return cached[1]
    origin = _Origin(main_file=_shown(folder / PACK_FILE, root), folder=_shown(folder, root))
    data = _defaults(root, origin)
    for path in files:
        shown = _shown(path, root)
        data = _merge(data, _read_file(path, shown), origin, shown)
    pack = _build(data, origin, folder_id=client_id)
    if signature:
        _CACHE[folder.resolve()] = (signature, pack)
    return pack


def load_all(prompts_dir: Path | str | None = None) -> dict[str, Pack]:
    """Every client's pack. All problems of all packs are reported together, so one run shows them all.

    A phone number given to two clients is refused too: a call to it could not be routed.
    """
    root = _dir(prompts_dir)
    packs: dict[str, Pack] = {}
    problems: list[str] = []
    for client_id in list_clients(root):
        try:
            packs[client_id] = load_pack(client_id, root)
        except PackError as exc:
            problems.append(str(exc))
    owners: dict[str, str] = {}
    for client_id, pack in packs.items():
        for number in pack.phone_numbers:
            other = owners.setdefault(canonical_number(number), client_id)
            if other != client_id:
                shown = f"{root.name}/{client_id}/{PACK_FILE}"
                problems.append(f"{shown}: phone_numbers: {number!r} also belongs to {other!r}")
    if problems:
        raise PackError("\n".join(problems))
    return packs


def pack_from_yaml_text(
    text: str, source: str, prompts_dir: Path | str | None = None, client_id: str | None = None
) -> Pack:
    """A pack from one YAML document over the defaults, e.g. one an admin uploads before it goes live.

    `source` names the document in error messages. Without `client_id` the document must set `id`
    itself; with it, an `id` it sets must be that client's.
    """
    root = _dir(prompts_dir)
    origin = _Origin(main_file=source, folder=source)
    data = _defaults(root, origin)
    data = _merge(data, _parse_yaml(text, source), origin, source)
    return _build(data, origin, folder_id=client_id)


def client_document(client_id: str, prompts_dir: Path | str | None = None) -> str:
    """The client's own settings from `prompts/<id>/` as one YAML document (without the defaults),
    the form packs are versioned, exported and imported in. A single file is returned as written,
    comments and all; several files are merged in the order they are read."""
    root = _dir(prompts_dir)
    files = _yaml_files(root / client_id)
    if not files:
        raise UnknownClient(f"{root.name}/: unknown client {client_id!r}")
    if len(files) == 1:
        return files[0].read_text(encoding="utf-8")
    origin = _Origin(main_file=_shown(files[0], root), folder=_shown(root / client_id, root))
    data: dict[str, Any] = {}
    for path in files:
        data = _merge(data, _read_file(path, _shown(path, root)), origin, _shown(path, root))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


# --- routing a call -----------------------------------------------------------------------------


def canonical_number(number: str) -> str:
    """Digits in international form: '+49 (0)40 123', '0049 40 123' and '040 123' all give '4940123'.

    A number without a country code is taken as German. A lone '49…' is taken as international,
    because a '+' often arrives as a space after URL decoding.
    """
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "49" + digits[1:]
    return digits


def client_for_number(packs: Mapping[str, Pack], number: str) -> str | None:
    """The client whose phone_numbers contain the called number, however either is written."""
    wanted = canonical_number(number)
    if not wanted:
        return None
    for client_id, pack in packs.items():
        if any(canonical_number(n) == wanted for n in pack.phone_numbers):
            return client_id
    return None

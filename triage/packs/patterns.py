"""Regular expressions a client admin writes into a pack (emergency phrases, info keywords), checked
before they meet a caller's words.

Python's `re` has no time limit: a pattern whose unbounded repetition holds another repetition
("(a+)+", "(\\w+\\s?)*") can try exponentially many ways to match a turn that almost fits, and one
caller's turn would hold a brain thread for minutes. So can alternatives repeated without bound ("(a|ab)*").
Such patterns, and back-references, are refused
when the pack is saved; a repetition bounded to a few times ("( \\w+){0,3}") stays allowed.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# An outer repetition of at most this many times around another one is bounded work.
MAX_NESTED_REPEAT = 10
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT}


def pattern_problem(pattern: str) -> str | None:
    """Why this pattern may not be used on callers' words (None: it may)."""
    try:
        re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except re.error as exc:
        return str(exc)
    return _problem(list(parsed), inside_repeat=False)


def _problem(items: list, *, inside_repeat: bool) -> str | None:
    for op, av in items:
        if op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            return "back-references are not allowed"
        if op in _REPEATS:
            _low, high, sub = av
            if inside_repeat and high > 1:
                return "a repetition inside an unbounded repetition can take minutes on a turn that almost matches"
            found = _problem(list(sub), inside_repeat=inside_repeat or high > MAX_NESTED_REPEAT)
        elif op == sre_constants.SUBPATTERN:
            found = _problem(list(av[-1]), inside_repeat=inside_repeat)
        elif op == sre_constants.BRANCH and inside_repeat:
            return "alternatives inside an unbounded repetition can take minutes on a turn that almost matches"
        elif op == sre_constants.BRANCH:
            found = next((p for branch in av[1] if (p := _problem(list(branch), inside_repeat=inside_repeat))), None)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found = _problem(list(av[1]), inside_repeat=inside_repeat)
        else:
            found = None
        if found:
            return found
    return None

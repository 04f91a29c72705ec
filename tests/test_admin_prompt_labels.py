"""Every prompt a client admin can edit has a name in the editor, in both of its languages.

The editor lists prompts by these names (triage/web/admin.js, `STRINGS.<lang>.prompts`); a prompt added to the pack
schema without one shows its code ("order_fulfilment_needed") in the preview's list, which the editor's browser test
catches only after a Chromium run. This reads the names straight from the page's script.
"""

from __future__ import annotations

import re
from pathlib import Path

from triage.packs.schema import Localized, Prompts

# the sentences a caller can hear (the preview's list); yes_words and no_words are word lists, edited elsewhere
SPOKEN = {key for key, field in Prompts.model_fields.items() if field.annotation == Localized}

ADMIN_JS = Path(__file__).resolve().parents[1] / "triage" / "web" / "admin.js"


def _labelled_prompts() -> list[set[str]]:
    """The prompt keys of each language's `prompts: { … }` table in the editor's script."""
    tables = re.findall(r"^\s*prompts: \{(.*)\},\s*$", ADMIN_JS.read_text(encoding="utf-8"), flags=re.M)
    return [set(re.findall(r"(\w+): \"", table)) for table in tables]


def test_every_editable_prompt_has_a_name_in_each_language_of_the_editor():
    assert {"greeting", "order_fulfilment_needed"} <= SPOKEN
    tables = _labelled_prompts()
    assert len(tables) == 2, "expected the German and the English table of prompt names"
    for names in tables:
        assert SPOKEN - names == set()

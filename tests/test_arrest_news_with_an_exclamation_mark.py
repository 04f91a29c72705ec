"""News of an arrest said with a "!" is upsetting, not panic (coord19, issue 11; coord18's item a).

"Mein Sohn wurde verhaftet!" and "my son has been arrested!" were acute distress only because of the "!": with a full
stop the same words were elevated, and no distress rule heard panic, crying or hopelessness. The encoder leans on the
mark. Now, where the law firm's arrest or search named the matter and only the model made the caller acute, the model
is asked once more with the "!" read as a full stop; a caller who says they panic or cry stays acute. (Tried
everywhere, coord18 found the independent set's acute recall fell 122 -> 120 of 130; bound to news of an arrest or a
search it stays at 122.)
"""

from __future__ import annotations

import pytest

from tests.caller_families import decide, why

LAW_FIRM = "kanzlei-berg"

ARREST_NEWS = [
    "Mein Sohn wurde verhaftet!",
    "Meine Tochter wurde festgenommen!",
    "My son has been arrested!",
    "They've arrested my husband!",
]


@pytest.mark.parametrize("text", ARREST_NEWS)
def test_an_arrest_said_with_an_exclamation_mark_is_upsetting_not_panic(text):
    result = decide(text, LAW_FIRM)
    assert result.urgency == "P1", why(text, result)  # still the firm's emergency, handed to the lawyer on call
    assert result.distress == "elevated", why(text, result)


PANIC_OR_TEARS = [
    "Mein Sohn wurde verhaftet, ich hab solche Panik!",
    "Mein Sohn wurde verhaftet, ich muss die ganze Zeit weinen!",
    "My son has been arrested and I can't stop crying!",
    "My son has been arrested, I'm panicking!",
]


@pytest.mark.parametrize("text", PANIC_OR_TEARS)
def test_an_arrest_with_panic_or_tears_stays_acute(text):
    result = decide(text, LAW_FIRM)
    assert result.distress == "acute", why(text, result)

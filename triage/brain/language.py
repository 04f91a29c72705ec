"""German or English, from a few words of recogniser output.

A character n-gram model would need data we cannot download; the callers' function words are a
much stronger signal on short utterances anyway ("ja bitte", "yes please").
"""

from __future__ import annotations

from .text import fold

_DE = frozenset(
    """
    ich du er sie es wir ihr mich mir dich dir uns euch mein meine meinen meiner mein unser unsere
    ist bin sind war hat habe haben hatte wird werden kann können möchte moechte will würde wuerde
    der die das den dem des ein eine einen einem einer kein keine keinen nicht nichts auch noch schon
    und oder aber doch denn weil wenn dass dann also ja nein nee jetzt hier da dort bitte danke
    mit von zu zum zur bei im in am auf für fuer aus nach über ueber unter vor wie was wer wo wann
    warum gibt geht läuft laeuft kommt riecht brennt guten tag hallo moin servus herr frau
    sehr mal gern gerne sofort heute morgen gestern woche uhr wasser heizung bestellen termin
    """.split()
)
_EN = frozenset(
    """
    i you he she it we they me my mine our your his her their us them is am are was were be been
    have has had do does did can could would will should may might want wanna need
    the a an no not nothing also still already and or but because if that then so yes yeah yep
    nope now here there please thanks thank with of to for at on by from about into how what who
    where when why there's it's i'm i've don't can't won't hello hi good morning afternoon evening
    this just some any water heating order appointment today tomorrow week like um uh
    """.split()
)
_DE_FOLDED = frozenset(fold(w) for w in _DE)
_EN_FOLDED = frozenset(fold(w) for w in _EN)


def detect_language(text: str, allowed: tuple[str, ...] = ("de", "en"), default: str | None = None) -> str:
    """The language the caller speaks, among the client's languages.

    Ties (a bare name, a number) keep `default`, the language of the call so far.
    """
    fallback = default if default in allowed else allowed[0]
    if len(allowed) == 1:
        return allowed[0]
    lowered = text.lower()
    tokens = fold(text).split()
    de = sum(t in _DE_FOLDED for t in tokens) + 2 * sum(ch in "äöüß" for ch in lowered)
    en = sum(t in _EN_FOLDED for t in tokens)
    if de > en and "de" in allowed:
        return "de"
    if en > de and "en" in allowed:
        return "en"
    return fallback

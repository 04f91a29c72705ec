"""What a caller orders: catalogue items by name or alias, quantities and options, negations."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ...packs.schema import CatalogItem
from ..numbers import parse_quantity, words_to_digits
from ..text import fold
from ..types import OrderLine
from .common import _prepare, _without_fillers, _wordset
from .heard_figures import heard_figures

_ORDER_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_INFLECTIONS = ("e", "en", "n", "s", "er", "es", "ern", "nen", "ns")
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em")
_UNITS = _wordset(
    "packung packungen packs pack päckchen schachtel schachteln flasche flaschen dose dosen tube tuben "
    "stück stk tabletten beutel box boxes bottle bottles piece pieces cup cups tasse tassen glas glass "
    "mal x times of von rolle rollen roll rolls"
)
_ARTICLES = _wordset("der die das den dem des the")
# words between a count and its item that leave the count as it is: "three new laptops", "zwei weitere Mäuse",
# "zwei große Packungen" (a size the catalogue offers as an option is taken as the option before this)
_COUNT_NEUTRAL = _wordset(
    "new brand more extra additional further spare replacement same big large small little "
    "neu neue neuen neuer neues weitere weiteren zusätzliche zusätzlichen zusaetzliche zusaetzlichen "
    "extra gleiche gleichen selbe selben ersatz groß große großen großes grosse grossen klein kleine kleinen kleines "
    "andere anderen other"
)
_NEGATIONS = _wordset(
    "kein keine keinen keiner keines nicht no not without ohne statt anstatt instead nichts never don't dont"
)
# "kein ibuprofen sondern paracetamol": what follows these is wanted again.
_CONTRAST = _wordset("sondern aber lieber stattdessen but rather just only nur")
# "zwei Packungen, nein, doch lieber drei", "24 Zoll, no wait, 27": what follows these replaces what was
# said before it for the same item
# words between a correction and the count it gives: "nein, doch nur zwei", "no, make that three"
_CORRECTION_BRIDGE = _wordset("nur dann also ich meine just only make that it i mean then")
_NOT_THIS = _wordset("nicht kein keine keinen not without ohne")
_CORRECTS = _wordset("nein nee no doch lieber stattdessen eher actually rather instead sorry warte wait")
_MAX_QTY = 1000
# Words run together or split apart must match closely: "paar pflaster" is not "pflaster".
_JOINED_MIN = 0.9


@dataclass(frozen=True)
class _Phrase:
    tokens: tuple[str, ...]
    joined: str


@dataclass
class _Hit:
    start: int
    end: int
    index: int  # position of the item in the catalogue
    score: float


@lru_cache(maxsize=4096)
def _phrase(text: str, lang: str) -> _Phrase:
    tokens = tuple(_ORDER_TOKEN.findall(words_to_digits(text.lower(), lang, split_values=True)))
    return _Phrase(tokens, "".join(tokens))


# English plurals that are no ending: "mice" for "mouse", "feet" for "foot"
_IRREGULAR_PLURALS = {
    "mice": "mouse", "lice": "louse", "feet": "foot", "teeth": "tooth", "men": "man", "women": "woman",
}  # fmt: skip
_UMLAUT = re.compile(r"äu|ä|ö|ü")


def _plain_plural(word: str) -> str | None:
    """The singular's letters of a plural that changes its vowel or its end: "mäuse" -> "mause", "köpfe" ->
    "kopfe", "schläuche" -> "schlauche" (the ending is then an inflection), "mice" -> "mouse",
    "knives" -> "knife"."""
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    umlauts = list(_UMLAUT.finditer(word))
    if umlauts:
        last = umlauts[-1]
        plain = {"äu": "au", "ä": "a", "ö": "o", "ü": "u"}[last.group()]
        return word[: last.start()] + plain + word[last.end() :]
    if word.endswith("ves") and len(word) > 4:
        return word[:-3] + "fe"
    return None


@lru_cache(maxsize=16384)
def _inflected(word: str, base: str) -> bool:
    """ "ibuprofens", "packungen", "lattes", "batteries", "Mäuse", "mice": one word, another grammatical form."""
    if len(base) >= 3 and word.startswith(base) and word[len(base) :] in _INFLECTIONS:
        return True
    plain = _plain_plural(word)
    if plain and plain != word and not _UMLAUT.search(base):
        if plain == base or plain == base + "e" or (plain.startswith(base) and plain[len(base) :] in ("e", "er")):
            return True
        if plain.endswith("fe") and base.endswith("f") and plain[:-1] == base:  # "shelves" for "shelf"
            return True
    if len(word) >= 3 and base.startswith(word) and base[len(word) :] in _INFLECTIONS:
        return True
    if any(  # "den halben Zoll" for "halber Zoll": one adjective ending for another
        word.endswith(a) and base.endswith(b) and len(word) - len(a) >= 4 and word[: -len(a)] == base[: -len(b)]
        for a in _ADJECTIVE_ENDINGS
        for b in _ADJECTIVE_ENDINGS
    ):
        return True
    return word.endswith("ies") and base.endswith("y") and word[:-3] == base[:-1]


def _similarity(word: str, base: str) -> float:
    """How surely `word` (as heard) is `base` (as listed): exact, inflected, misheard, or 0."""
    if word == base:
        return 1.0
    if word.isdigit() or base.isdigit():
        return 0.0
    if _inflected(word, base):
        return 0.95
    if min(len(word), len(base)) < 5 or word[0] != base[0]:
        return 0.0
    needed = 0.8 if len(base) >= 8 else 0.92
    if 2 * min(len(word), len(base)) / (len(word) + len(base)) < needed:  # the best ratio the lengths allow
        return 0.0
    ratio = SequenceMatcher(None, word, base).ratio()
    return ratio if ratio >= needed else 0.0


_LOOSE_SCORE = 0.7


def _misheard_beside_exact(word: str, base: str) -> float:
    """ "radiator bleak key" for "radiator bleed key": one word of a longer name misheard further than
    `_similarity` allows alone, taken only when every other word of the name was heard exactly and
    the word starts as listed (speech recognition keeps a word's onset far more often than its end)."""
    if min(len(word), len(base)) < 4 or word[:3] != base[:3] or word.isdigit() or base.isdigit():
        return 0.0
    return _LOOSE_SCORE if SequenceMatcher(None, word, base).ratio() >= 0.6 else 0.0


def _compound(word: str, base: str) -> float:
    """ "kopfschmerztabletten" is a kind of "tabletten"; "ibuprofentabletten" is ibuprofen."""
    if len(base) >= 5 and len(word) >= len(base) + 3 and (word.endswith(base) or word.startswith(base)):
        return 0.9
    return 0.0


def _token_score(word: str, base: str) -> float:
    """How surely `word` is the catalogue's `base`. Most pairs a turn meets share nothing; every way of
    matching keeps the first letter but a plural's umlaut ("äpfel") and a compound's end ("kopfschmerz-
    tabletten"), so the rest are ruled out before the costlier comparisons (a third of `analyze`'s time
    went to them)."""
    if word[:1] != base[:1] and word[:1] not in "äöü" and not word.endswith(base):
        return 0.0
    return _scored_token(word, base)


@lru_cache(maxsize=16384)
def _scored_token(word: str, base: str) -> float:
    return _similarity(word, base) or _compound(word, base)


def _phrase_score(tokens: list[str], i: int, phrase: _Phrase) -> tuple[int, float]:
    """Best match of `phrase` starting at tokens[i]: (tokens covered, score), (0, 0) if none."""
    n = len(phrase.tokens)
    if i + n <= len(tokens):
        total, loose = 0.0, 0
        for k in range(n):
            score = _token_score(tokens[i + k], phrase.tokens[k])
            if not score and n >= 2 and not loose:
                score = _misheard_beside_exact(tokens[i + k], phrase.tokens[k])
                loose += 1
            if not score:
                break
            total += score
        else:
            if not loose or total - _LOOSE_SCORE >= n - 1 - 0.01:  # the other words exactly as listed
                return n, total / n
    if not tokens[i].startswith(phrase.joined[:3]):
        return 0, 0.0
    for k in (n - 1, n + 1):  # "oat milk" said "oatmilk", "nasenspray" said "nasen spray"
        joined = "".join(tokens[i : i + k])
        if 1 <= k <= len(tokens) - i and abs(len(joined) - len(phrase.joined)) <= 3:
            score = _similarity(joined, phrase.joined)
            if score >= _JOINED_MIN:
                return k, score
    return 0, 0.0


def _item_phrases(item: CatalogItem, lang: str) -> list[_Phrase]:
    """Every name and alias of the item, in any language: contract catalogues name things once."""
    texts = list(item.name.values()) + [a for aliases in item.aliases.values() for a in aliases]
    return list({_phrase(t, lang) for t in texts if _phrase(t, lang).tokens})


_Entry = tuple[int, int, _Phrase]  # a catalogue phrase: (item's index, the phrase's place among the item's, phrase)


def _best_hits(tokens: list[str], catalog: list[CatalogItem], lang: str) -> list[_Hit]:
    """Catalogue mentions, longest first, none sharing a word with another."""
    # ties between hits keep the catalogue's order
    phrases = [
        (index, n, phrase) for index, item in enumerate(catalog) for n, phrase in enumerate(_item_phrases(item, lang))
    ]
    by_letter: dict[str, list[_Entry]] = {}
    by_first_word: dict[str, list[_Entry]] = {}
    for entry in phrases:
        by_letter.setdefault(entry[2].tokens[0][:1], []).append(entry)
        by_first_word.setdefault(entry[2].tokens[0], []).append(entry)
    found: list[tuple[int, int, _Hit]] = []
    for i, token in enumerate(tokens):
        for index, n, phrase in _candidates(token, phrases, by_letter, by_first_word):
            covered, score = _phrase_score(tokens, i, phrase)
            if covered:
                found.append((index, n, _Hit(i, i + covered, index, score)))
    found.sort(key=lambda f: (-sum(len(t) for t in tokens[f[2].start : f[2].end]), -f[2].score, f[2].start, f[0], f[1]))
    chosen: list[_Hit] = []
    for _, _, hit in found:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


def _candidates(
    token: str, phrases: list[_Entry], by_letter: dict[str, list[_Entry]], by_first_word: dict[str, list[_Entry]]
) -> list[_Entry]:
    """The phrases that may start at `token`: those whose first word starts with its letter (every match
    keeps it, `_token_score`), all of them after an umlaut ("äpfel" for "apfel"), and those whose first
    word ends a compound the token is ("kopfschmerztabletten": "tabletten")."""
    if token[:1] in "äöü":
        return phrases
    found = list(by_letter.get(token[:1], ()))
    for k in range(3, len(token) - 4):  # `_compound`: three letters or more before a base of five or more
        found += [e for e in by_first_word.get(token[k:], ()) if e[2].tokens[0][:1] != token[:1]]
    return found


@dataclass
class _Mention:
    start: int
    end: int
    owners: list[tuple[int, str, str]]  # (catalogue index, option group, value)


def _option_phrases(item: CatalogItem, lang: str) -> list[tuple[_Phrase, str, str]]:
    """Each way of saying each option value: the value, its aliases, and "20er" for "20 Stück"."""
    out = []
    for group, values in item.options.items():
        for value in values:
            texts = item.option_spellings(value)
            count = re.match(r"(\d+)\s+\w+", value)
            if count:
                texts.append(f"{count.group(1)}er")
            measure = re.match(r"(\d+)[.,](\d+)\s+\w+", value)
            if measure:  # "the 1.25 metre one, no wait, the 1.60 one": a measure with decimals said without its unit
                texts += [f"{measure.group(1)},{measure.group(2)}", f"{measure.group(1)}.{measure.group(2)}"]
            out += [(_phrase(t, lang), group, value) for t in texts if _phrase(t, lang).tokens]
    return out


def chosen_option(item: CatalogItem, group: str, text: str, lang: str) -> str | None:
    """The value of an option group the caller chose when asked for it: one of its spellings said as listed,
    else heard as the catalogue's words are ("den halben Zoll" for "halber Zoll", "the half inch one" for
    its English name). A measure misheard as no offered one is read as the offered one it was
    (`heard_figures`: "the 40-inch ones" for "the fourteen inch ones")."""
    text = heard_figures(text, [item])
    said = _said_values(item, group, f" {fold(text)} ")
    if said:
        return said
    tokens = list(_phrase(text, lang).tokens)
    best: tuple[int, float, str] | None = None
    for phrase, owner, value in _option_phrases(item, lang):
        if owner != group:
            continue
        for i in range(len(tokens)):
            covered, score = _phrase_score(tokens, i, phrase)
            negated = any(t in _NOT_THIS for t in tokens[max(0, i - 2) : i])  # "nicht den dreiviertel"
            # "the two metre one": "2 metre" (two words heard) beats the bare "1" the pronoun "one" became
            if covered and not negated and (best is None or (covered, score) > best[:2]):
                best = (covered, score, value)
    return best[2] if best else None


# "the smaller one", "den längeren", "die kleinste": a value picked by its size among those offered
_LOWEST = re.compile(
    r"\b(small|smaller|smallest|little|short one|shorter|shortest|klein|kleine[nrs]?|kleinere[nrs]?"
    r"|kleinste[nrs]?|kurze[nrs]|kuerzere[nrs]?|kuerzeste[nrs]?)\b"
)
_HIGHEST = re.compile(
    r"\b(big|bigger|biggest|large|larger|largest|long one|longer|longest|gross|grosse[nrs]?|groessere[nrs]?"
    r"|groesste[nrs]?|lange[nrs]|laengere[nrs]?|laengste[nrs]?)\b"
)
# "wie letztes Mal", "the same as last time", "last year's": a time before, no place among the values offered
_NOT_A_PLACE = r"(?!\s+(?:time|times|year|week|month|night|order|mal|jahr|woche|monat|nacht|bestellung)\b)"
_FIRST = re.compile(rf"\b(first|erste[nrs]?|erstere[nrs]?)\b{_NOT_A_PLACE}")
_LAST = re.compile(rf"\b(last|latter|letzte[nrs]?|letztere[nrs]?)\b{_NOT_A_PLACE}")


def _size(value: str) -> float | None:
    number = re.match(r"\s*(\d+(?:[.,]\d+)?)", value)
    return float(number.group(1).replace(",", ".")) if number else None


def relative_option(item: CatalogItem, group: str, text: str) -> str | None:
    """The value the caller picked by where it stands among those offered, when asked which: "the
    smaller one, I guess", "den längeren" (values that are measures), "die erste", "the last one".
    None when the words pick none, or pick both ends."""
    values = item.options.get(group, [])
    if len(values) < 2:
        return None
    folded = fold(text)
    sizes = [_size(v) for v in values]
    picks = set()
    if all(size is not None for size in sizes):
        by_size = sorted(zip(sizes, values, strict=True))
        if _LOWEST.search(folded):
            picks.add(by_size[0][1])
        if _HIGHEST.search(folded):
            picks.add(by_size[-1][1])
    if _FIRST.search(folded):
        picks.add(values[0])
    if _LAST.search(folded):
        picks.add(values[-1])
    return picks.pop() if len(picks) == 1 else None


def said_values(item: CatalogItem, group: str, text: str) -> set[str]:
    """Every value of the group the caller named ("die Brause oder die Kapseln?" names two)."""
    folded = f" {fold(text)} "
    return {
        value
        for value in item.options.get(group, [])
        if any(f" {fold(s)} " in folded for s in item.option_spellings(value) if fold(s))
    }


def _said_values(item: CatalogItem, group: str, folded: str) -> str | None:
    """The value of the group the caller said last, not negated: "dreiviertel Zoll, nee warte, halber
    Zoll" is the half inch, "die zwanziger, nicht die zehner" the twenty."""
    last: tuple[int, str] | None = None
    for value in item.options.get(group, []):
        spellings = [fold(s) for s in item.option_spellings(value)]
        # a measure said without its unit: "the 1.60 one" for "1,60 Meter"
        spellings += [m.group(1) for sp in spellings if (m := re.fullmatch(r"(\d+(?: \d+)?) [^\W\d_]+", sp))]
        for spelling in spellings:
            if not spelling:
                continue
            for m in re.finditer(rf"(?<= ){re.escape(spelling)}(?= )", folded):
                before = folded[: m.start()].split()[-2:]
                if any(w in _NOT_THIS for w in before):  # "nicht die zehner" ("nein, ..." corrects instead)
                    continue
                if last is None or m.start() > last[0]:
                    last = (m.start(), value)
    return last[1] if last else None


def _before_item(tokens: list[str], end: int, hits: list[_Hit]) -> bool:
    """Whether tokens[end:] reach an item over unit words only: "5 ffp2 masken" says how many,
    even if "5" is also the alias of the 5-pack."""
    following = next((h.start for h in hits if h.start >= end), None)
    return following is not None and all(t in _UNITS or t in _ARTICLES for t in tokens[end:following])


def _option_mentions(tokens: list[str], hits: list[_Hit], catalog: list[CatalogItem], lang: str) -> list[_Mention]:
    """Option values said anywhere, with every matched item that offers them."""
    by_phrase: dict[_Phrase, list[tuple[int, str, str]]] = {}
    for index in sorted({h.index for h in hits}):
        for phrase, group, value in _option_phrases(catalog[index], lang):
            by_phrase.setdefault(phrase, []).append((index, group, value))
    found: list[_Mention] = []
    for phrase, owners in by_phrase.items():
        n = len(phrase.tokens)
        for i in range(len(tokens) - n + 1):
            said = all(tokens[i + k] == t or _inflected(tokens[i + k], t) for k, t in enumerate(phrase.tokens))
            if said and not (phrase.joined.isdigit() and _before_item(tokens, i + n, hits)):
                found.append(_Mention(i, i + n, owners))
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[_Mention] = []
    for mention in found:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return chosen


def _drop_option_words(hits: list[_Hit], mentions: list[_Mention]) -> tuple[list[_Hit], list[_Mention]]:
    """ "latte with oat milk": "milk" is the latte's option, not a second item, when the option says more."""
    kept_hits = []
    for hit in hits:
        inside = any(
            m.start <= hit.start
            and hit.end <= m.end
            and (m.end - m.start) > (hit.end - hit.start)
            and hit.index not in {o[0] for o in m.owners}
            for m in mentions
        )
        if not inside:
            kept_hits.append(hit)
    kept_mentions = [m for m in mentions if all(m.end <= h.start or m.start >= h.end for h in kept_hits)]
    return kept_hits, kept_mentions


def _distance(mention: _Mention, hit: _Hit, tokens: list[str]) -> float:
    """Token distance; a value right before the next item ("a double espresso") beats a value after
    the previous one unless "with"/"mit" ties it back ("latte with oat milk")."""
    if mention.end <= hit.start:
        return hit.start - mention.end
    gap = mention.start - hit.end
    linked = any(t in ("with", "mit", "als", "in") for t in tokens[hit.end : mention.start])
    return gap - (0.5 if linked else -0.5)


def _assign_options(hits: list[_Hit], mentions: list[_Mention], tokens: list[str]) -> list[dict[str, str]]:
    """Each option value to the nearest item offering it; a value said after a correction word ("24 Zoll,
    nein, doch lieber 27") replaces the one the same item had before it."""
    options: list[dict[str, str]] = [{} for _ in hits]
    closest: list[dict[str, float]] = [{} for _ in hits]
    said_at: list[dict[str, int]] = [{} for _ in hits]
    for mention in sorted(mentions, key=lambda m: m.start):
        candidates = [
            (_distance(mention, hit, tokens), k, group, value)
            for k, hit in enumerate(hits)
            for index, group, value in mention.owners
            if index == hit.index
        ]
        if not candidates:
            continue
        dist, k, group, value = min(candidates)
        earlier = said_at[k].get(group)
        corrected = earlier is not None and any(t in _CORRECTS for t in tokens[earlier : mention.start])
        if corrected or dist < closest[k].get(group, float("inf")):
            closest[k][group] = dist
            options[k][group] = value
            said_at[k][group] = mention.end
    return options


def _negated(tokens: list[str], start: int, end: int, lang: str) -> bool:
    """ "kein ibuprofen", "i don't want the espresso"; but "no, two lattes" is an order."""
    for token in reversed(tokens[start:end]):
        if token in _NEGATIONS:
            return True
        if token in _CONTRAST or token.isdigit() or (parse_quantity(token, lang) or 0) > 1:
            return False
    return False


def _quantity_before(
    tokens: list[str], hit: _Hit, floor: int, mentions: list[_Mention], lang: str
) -> tuple[int | None, bool]:
    """The quantity said right before an item, and whether the item was negated ("kein", "no")."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    j = hit.start
    while j > floor and (
        tokens[j - 1] in _UNITS or tokens[j - 1] in _ARTICLES or tokens[j - 1] in _COUNT_NEUTRAL or j - 1 in covered
    ):
        j -= 1
    if _negated(tokens, max(floor, j - 3), j, lang):
        return None, True
    for size in (3, 2, 1):
        if j - size >= floor:
            qty = parse_quantity(" ".join(tokens[j - size : j]), lang)
            if qty is not None:
                return qty, False
    # the item's words and the one after them ("thermostat heads" is the alias "thermostat" and "heads")
    plural = any(t.endswith("s") and not t.endswith("ss") for t in tokens[hit.end - 1 : hit.end + 1])
    if plural and j - 2 >= floor and tokens[j - 1] in _HEARD_TWO.get(lang, ()) and tokens[j - 2] in _NEED_VERBS:
        return 2, False  # "I need to laptops": no infinitive, the count "two" as Whisper writes it
    return None, False


_NX = re.compile(r"\d+x")


def _quantity_after(
    tokens: list[str], hit: _Hit, ceiling: int, lang: str, mentions: list[_Mention] = ()  # type: ignore[assignment]
) -> int | None:
    """ "ibuprofen dreimal", "latte 2 mal", "latte x 2"; not the words of an option value said there ("Revierfahrten,
    zweimal pro Nacht" is one patrol, visiting twice a night)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for size in (2, 1):
        if hit.end + size <= ceiling:
            if covered & set(range(hit.end, hit.end + size)):
                continue
            words = tokens[hit.end : hit.end + size]
            if words[0] == "x" or words[-1] in ("x", "times") or words[-1].endswith("mal") or _NX.fullmatch(words[-1]):
                qty = parse_quantity(" ".join(words), lang)
                if qty is not None:
                    return qty
    return None


# What a caller counts an item in, said after it: "Thermostatkopf für die Heizung, zwei Stück bitte"
_COUNTED_IN = _wordset("stück stueck stk exemplare rollen rolls pieces units packs packungen")


def _counted_after(
    tokens: list[str], hit: _Hit, ceiling: int, mentions: list[_Mention], hits: list[_Hit], lang: str
) -> int | None:
    """A count in units later in the item's stretch ("..., zwei Stück bitte", "like three rolls"); words an
    option names ("die Packung mit 20 Stück") are the option, not a count, and a count right before the
    next item ("zwei Stück Teflonband") is that item's."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for i in range(hit.end, ceiling - 1):
        if _before_item(tokens, i + 1, hits):
            continue
        if tokens[i + 1] in _COUNTED_IN and i not in covered and i + 1 not in covered:
            qty = parse_quantity(tokens[i], lang)
            if qty is not None:
                return qty
    return None


# "do you sell thermostat heads? I need two", "Haben Sie Duschköpfe? Ich bräuchte zwei": the count in a
# sentence of its own after the item, with a verb of wanting and nothing after the count but politeness
_NEED_VERBS = _wordset(
    "need want take like brauche bräuchte braeuchte brauchen bräuchten braeuchten nehme nehmen möchte moechte"
    " möchten moechten hätte haette hätten haetten"
)
# "two" as Whisper base writes it on the phone line ("I need to.", "I need to laptops"); German "zwei" has no
# such twin
_HEARD_TWO = {"en": _wordset("to too")}
_NEED_BESIDES = _wordset("i we ich wir ja yes dann then davon of them those gern gerne so also")
_NEED_TAIL = _wordset("bitte please davon of them those thanks danke stück stueck pieces gern gerne")


def _needed_after(
    tokens: list[str], hit: _Hit, ceiling: int, mentions: list[_Mention], hits: list[_Hit], lang: str
) -> int | None:
    """The count of "I need two" said after the item ("I need to." as Whisper writes it); "... and I need two
    bleed keys" counts the next one."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for i in range(hit.end, ceiling):
        if tokens[i] not in _NEED_VERBS:
            continue
        j = i + 1
        while j < ceiling and tokens[j] in _NEED_BESIDES:
            j += 1
        if j >= ceiling or j in covered or _before_item(tokens, j + 1, hits):
            continue
        if not all(t in _NEED_TAIL for t in tokens[j + 1 : ceiling]):
            continue
        qty = 2 if tokens[j] in _HEARD_TWO.get(lang, ()) else parse_quantity(tokens[j], lang)
        if qty is not None:
            return qty
    return None


def _corrected_count(
    tokens: list[str], hit: _Hit, ceiling: int, mentions: list[_Mention], hits: list[_Hit], lang: str
) -> int | None:
    """A count said right after a correction word in the item's stretch: "FFP2 Masken, zwei Packungen zu
    zehn, nein, doch lieber drei", "two headsets, no sorry, three". Option words ("zu zehn") are no count,
    nor is the count of the next item ("a latte, no sugar, and 2 espressos")."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    corrected = False
    for i in range(hit.end, ceiling):
        if tokens[i] in _CORRECTS:
            corrected = True
        elif corrected and tokens[i] not in _CORRECTION_BRIDGE:
            qty = parse_quantity(tokens[i], lang) if i not in covered else None
            if qty is not None and not _before_item(tokens, i + 1, hits):
                return qty
            corrected = False  # "no sugar": the word after "no" was no count
    return None


_INDEFINITE = _wordset("ein eine einen einem einer a an")
_EACH_AFTER = re.compile(r"^(?:for (?:each|every one|everyone|every one of them|each of them|each one)|each|apiece"
                         r"|f(?:ü|ue)r (?:jeden|jede|jedes)|jeweils|pro st(?:ü|ue)ck)"
                         r"(?: (?:bitte|please|davon|of them|one|too|auch|dazu|then|dann|thanks|danke))*$")
_EACH_BEFORE = _wordset("je jeweils")


def _for_each(tokens: list[str], hit: _Hit, floor: int, ceiling: int) -> bool:
    """ "a docking station for each", "je eine Dockingstation", "für jeden eine Maus": as many as the item
    before."""
    j = hit.start
    while j > floor and (tokens[j - 1] in _INDEFINITE or tokens[j - 1] in _UNITS):
        j -= 1
    before = tokens[max(floor, j - 3) : j]
    return (
        bool(_EACH_AFTER.match(" ".join(tokens[hit.end : ceiling])))
        or (j > floor and tokens[j - 1] in _EACH_BEFORE)
        or " ".join(before).endswith(("für jeden", "für jede", "für jedes", "for each"))
    )


def _article_before(tokens: list[str], hit: _Hit, floor: int) -> bool:
    """Whether the item's count came from an indefinite article only ("einen Duschkopf", "a shower head")."""
    j = hit.start
    while j > floor and tokens[j - 1] in _UNITS:
        j -= 1
    return j > floor and tokens[j - 1] in _INDEFINITE


_INSIDE_MIN = 4  # option words shorter than this ("bad", "usb") are too often part of unrelated words


def _options_inside(item: CatalogItem, words: list[str]) -> dict[str, str]:
    """Options the item's own name says: "eine Funkmaus" is the wireless mouse ("funk" in "funkmaus"),
    "Magnesium Brause" the effervescent tablets, "a wireless headset" (an alias) the Bluetooth one."""
    found: dict[str, str] = {}
    for group, values in item.options.items():
        for value in values:
            for spelling in item.option_spellings(value):
                said = fold(spelling)
                if len(said) < _INSIDE_MIN or not said.isalpha():
                    continue
                if any(w == said or (len(w) >= len(said) + 3 and (w.startswith(said) or w.endswith(said)))
                       for w in words):
                    found.setdefault(group, value)
    return found


# what may stand beside a count said on its own: "zwei Packungen bitte", "three of them, please", "ja, nur zwei"
_COUNT_BESIDES = _wordset(
    "bitte please davon of them those ones thanks danke ja yes ok okay gern gerne dann then so also just only nur "
    "i we ich wir i'd we'd like need take want nehme nehmen brauche bräuchte braeuchte hätte haette möchte moechte "
    "would insgesamt total altogether"
)


def count_alone(text: str, lang: str) -> int | None:
    """The count of a turn that says only how many ("zwei Packungen bitte", "three of them"), as a caller
    answers a question about the item's kind with its number; None when the turn says anything else."""
    tokens = _ORDER_TOKEN.findall(_without_fillers(_prepare(text, lang).text, lang))
    said = [t for t in tokens if t not in _UNITS and t not in _COUNT_BESIDES]
    counts = [parse_quantity(t, lang) for t in said]
    if len(counts) != 1 or counts[0] is None:
        return None
    return counts[0]


def match_order(text: str, lang: str, catalog: list[CatalogItem]) -> list[OrderLine]:
    """Order lines for the catalogue items the caller names, with quantity and options.

    Names and aliases of every language match, tolerant of inflection, compounds and small
    misspellings; the longest mention wins. A quantity is what is said right before the item
    ("zwei", "a couple of", "dreimal") or "x mal" right after; default 1. Options are values said
    nearest the item that offers them. Negated items ("kein ibuprofen", "no milk") are left out.
    """
    if not catalog:
        return []
    text = heard_figures(text, catalog)  # "224-inch monitors": two of the 24 inch ones
    tokens = _ORDER_TOKEN.findall(_without_fillers(_prepare(text, lang).text, lang))
    hits = _best_hits(tokens, catalog, lang)
    mentions = _option_mentions(tokens, hits, catalog, lang)
    hits, mentions = _drop_option_words(hits, mentions)
    options = _assign_options(hits, mentions, tokens)
    lines: list[OrderLine] = []
    for k, hit in enumerate(hits):
        floor = hits[k - 1].end if k else 0
        ceiling = hits[k + 1].start if k + 1 < len(hits) else len(tokens)
        qty, negated = _quantity_before(tokens, hit, floor, mentions, lang)
        later = _quantity_after(tokens, hit, ceiling, lang, mentions)
        later = later if later is not None else _counted_after(tokens, hit, ceiling, mentions, hits, lang)
        later = later if later is not None else _needed_after(tokens, hit, ceiling, mentions, hits, lang)
        # "einen Entlüftungsschlüssel, am besten zwei Stück": the article said no count, the count after it does
        if later is not None and (qty is None or _article_before(tokens, hit, floor)):
            qty = later
        qty = _corrected_count(tokens, hit, ceiling, mentions, hits, lang) or qty
        if negated or qty == 0 or (qty or 0) > _MAX_QTY:
            continue
        item = catalog[hit.index]
        name = item.name.get(lang) or next(iter(item.name.values()))  # type: ignore[call-overload]
        if lines and _for_each(tokens, hit, floor, ceiling):
            qty = lines[-1].qty  # "two laptops and a docking station for each": one per laptop
        inside = _options_inside(item, tokens[hit.start : hit.end])
        line = OrderLine(item.sku, name, qty or 1, {**inside, **options[k]})
        same = next((x for x in lines if x.sku == line.sku and x.options == line.options), None)
        if same:
            same.qty = max(same.qty, line.qty)  # "zwei latte ... ja die zwei latte": said again, not more
        else:
            lines.append(line)
    return lines


def catalog_from_rows(rows: list[dict]) -> list[CatalogItem]:
    """The analyze contract's catalogue (`[{"sku", "name", "aliases"?, "options"?}]`) as catalogue items.

    The contract names an item once, so that name and the aliases count in every language.
    A row that is no object with "sku" and "name" raises TypeError, a field of the wrong type
    pydantic's ValidationError: both name the row, and the CLI reports them as one bad row.
    """
    items = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict) or not row.get("sku") or not row.get("name"):
            raise TypeError(f"catalog[{i}]: every item must be an object with a 'sku' and a 'name'")
        name, aliases = row["name"], row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        items.append(
            CatalogItem(
                sku=str(row["sku"]),
                name=name if isinstance(name, dict) else {"de": str(name), "en": str(name)},
                aliases=aliases if isinstance(aliases, dict) else {"de": list(aliases), "en": list(aliases)},
                options=row.get("options") or {},
            )
        )
    return items


# "das Nasenspray doch nicht", "die Maus lieber nicht", "the mouse not any more", "das Teflonband brauch ich
# doch nicht", "the filters we don't need": an item taken back after it
_TAKEN_BACK_AFTER = re.compile(
    r"^(?:(?:bitte|please|dann|then|also|so) )?(?:doch nicht|lieber nicht|bitte nicht|nicht mehr|doch weg|weg"
    r"|streichen|not any ?more|no longer|not after all"
    r"|(?:brauch\w*|nehm\w*|will|möcht\w*|moecht\w*) (?:ich|wir) (?:(?:doch|dann|jetzt|eigentlich|gar) )?nicht"
    r"|(?:i|we) (?:don't|dont|do not) (?:need|want))\b"
)
# "forget the mouse", "streichen Sie das Nasenspray": an item taken back by a verb before it
_TAKE_BACK_VERBS = _wordset("forget scrap cancel drop remove streichen streiche stornieren weglassen")
# "nur das Paracetamol", "just the paracetamol": the items named are all the caller still wants
_ONLY = _wordset("nur just only bloss lediglich")
_ADDING = _wordset("noch auch also another more additionally zusaetzlich ausserdem plus")


def taken_back(text: str, lang: str, catalog: list[CatalogItem]) -> tuple[set[str], set[str]]:
    """What a caller takes back from an order in this turn: (skus taken back, skus that are now all they
    want). "Ach nee, das Nasenspray doch nicht, nur das Paracetamol", "kein Nasenspray", "forget the mouse",
    "just the laptops then". The second set is empty unless the turn names items after "nur"/"just" without
    adding ("nur noch ein Nasenspray" orders one more)."""
    if not catalog:
        return set(), set()
    tokens = _ORDER_TOKEN.findall(_without_fillers(_prepare(text, lang).text, lang))
    hits = _best_hits(tokens, catalog, lang)
    removed: set[str] = set()
    only: set[str] = set()
    for k, hit in enumerate(hits):
        sku = catalog[hit.index].sku
        floor = hits[k - 1].end if k else 0
        j = hit.start
        while j > floor and (tokens[j - 1] in _ARTICLES or tokens[j - 1] in _UNITS):
            j -= 1
        before = tokens[max(floor, j - 3) : j]
        after = " ".join(tokens[hit.end : hit.end + 4])
        by_verb = any(t in _TAKE_BACK_VERBS for t in before)
        if _negated(tokens, max(floor, j - 3), j, lang) or by_verb or _TAKEN_BACK_AFTER.match(after):
            removed.add(sku)
        elif any(t in _ONLY for t in before) and not any(t in _ADDING for t in before):
            only.add(sku)
    return removed, only - removed

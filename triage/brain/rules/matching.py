"""Finding rules in an utterance: which patterns occur, with the caller's words, and whether they are denied."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import Folded, fold_pattern
from ..types import Urgency
from .names import in_a_name, name_spans
from .schema import Kind, Label, Patterns, Rule


@dataclass(frozen=True)
class Hit:
    rule: Rule
    words: str  # the caller's words that matched
    negated: bool
    start: int  # offset in the folded text, for modifiers that look at what came just before
    end: int = 0  # ... and where the match ends ("riecht es seit heute morgen … nach gas": a word of now inside it)


NEGATORS = frozenset(
    "kein keine keinen keinem keiner keines nicht nichts ohne weder nie niemals net ned nich "
    "no not nothing never without neither nor isn isnt wasn wasnt don dont doesn doesnt didn didnt aren "
    "haven hasn "
    # issue 11, twenty-seventh set: "niemand ist verletzt", "nobody was injured": no one is a denial, as "keiner" is
    "niemand niemanden nobody noone".split()
)
# "ich weiß nicht, ...", "oh no, ...": a negator that negates nothing that follows
_NOT_NEGATING_AFTER = frozenset("weiss ob oh".split())
# "he's not getting up", "she's not breathing": a negator before what the person no longer does is the symptom itself
_NEG_AFTER = re.compile(
    r"^\s*(\w+\s+)?(nicht|nichts|nie|not|never|kein|keine)\b(?! nur| only| mehr auf"
    # "der Hahn tropft, hat keine Eile": the caller's patience, not a denial (issue 11, twenty-first set)
    r"| eile| stress| hektik| sorge| panik| problem\b| rush| hurry| worries"
    r"| (getting|gettin|get) up| moving| breathing| responding| waking| answering| making sense| talking"
    # issue 11, eighth call set: the fault said with its "nicht" ("der Heizkörper im Bad wird nicht mehr richtig warm",
    # "the radiator in the bathroom does not get properly warm"): what is wrong, not a denial of it
    r"|( mehr)?( richtig| so richtig| ganz)? (warm|heiß|heiss|kalt)\b"
    r"| (get|gets|getting|got|heat|heats|heating|warm|warms|warming)( \w+)?( up| warm| hot)\b"
    r"| properly (warm|hot|heat)\w*)"
)
# issue 11, twenty-fourth set: "Ransomware ist bei uns kein Thema", "a gas leak is not an issue for us": the hazard
# named as a subject and denied by what is said of it
_DENIED_AFTER = re.compile(
    r"^\s*(ist|sind|war|is|are|s|was|were) (\w+ ){0,2}(kein thema|not an issue|no issue|not a concern|no concern)\b"
)
_NEG_WINDOW_WORDS = 3
# issue 11, fortieth set: a rule of two things together whose second is denied inside the match ("Wasser im Keller,
# aber keine Steckdosen in der Nähe", "water on the floor but no electrics anywhere near it")
_DENIED_LAST = re.compile(r"\b(aber|but) (kein|keine|keinen|no|not any|nowhere near) (\w+ )?\w+$")


def _second_thing_denied(pattern: re.Pattern[str], m: re.Match[str]) -> bool:
    """The match ends in "but no …" and what comes before that is not enough for the rule on its own ("Wasser im
    Keller, aber keine Steckdosen"; not "das Wasser tropft auf die Lampe, aber kein Licht mehr")."""
    denied = _DENIED_LAST.search(m.group(0))
    return denied is not None and pattern.search(m.group(0)[: denied.start()]) is None


# issue 11, thirty-seventh set: a trouble said as an absence ("keine Heizung", "no heating") and followed by the next
# absence of a list ("keine Heizung, kein Warmwasser, gar nix", "no heating, not even hot water"): the "kein" after it
# starts the next item, it denies nothing of the first
_ABSENCE = re.compile(r"(kein|keine|keinen|no)\b")
_LISTED_ABSENCE = re.compile(
    r"^\s*(und |and |auch |also |oder |or |und auch |and also )?"
    r"(kein|keine|keinen|no|not even|nicht mal|nicht einmal|nichts|nix|gar nichts|gar nix|nothing)\b"
)


@lru_cache(maxsize=2048)
def _patterns(patterns: Patterns) -> tuple[re.Pattern[str], ...]:
    """Compiled once per distinct pattern set: a pack version's phrases compile on first use."""
    return tuple(re.compile(fold_pattern(p)) for p in patterns.all())


def pack_rule(rule_id: str, urgency: Urgency, patterns: Patterns, label: Label, kind: Kind) -> Rule:
    """A client's own emergency as a rule (its id is "client:emergency")."""
    return Rule(id=rule_id, patterns=patterns, urgency=urgency, intent="report_problem", kind=kind, label=label)


# issue 11, fortieth set: a caller who corrects themselves to something worse ("nichts Wildes – nein, Moment, jetzt
# spritzt es", "eigentlich nein, der wacht gar nicht mehr auf", "kein Notfall, oder doch", "nothing major, actually no,
# it's worse", "well actually maybe it is"): what comes after the correction is what counts
CORRECTION = re.compile(
    fold_pattern(
        r"\b(nein|nee|ne|ach nein|oh nein),? (moment|warte|wart mal|halt|stopp|eigentlich|doch)"
        r"|\beigentlich,? (nein|doch)|\boder (\w+ )?doch|\b(es ist|ist es|das ist) (\w+ )?schlimmer"
        r"|\b(no|nah),? (wait|actually|hang on|hold on)|\b(wait|actually|hang on|hold on),? no"
        r"|\bactually (\w+ ){0,2}it is|\b(it s|it is) (actually )?worse|\bscratch that"
    )
)
_IDIOMS = re.compile(
    r"\b(weiss (\w+ )?nicht|stoer\w* (\w+ )?nicht|nicht sicher|not sure|don t know|dont know|no idea"
    r"|keine ahnung|don t want to bother|hope i m not|never mind"
    # "es hört nicht auf zu bluten", "it won't stop bleeding": the opposite of a denial
    r"|(hoert|hoeren) (\w+ )?nicht (mehr )?auf( zu)?|won t stop|can t stop|doesn t stop|not stopping"
    # issue 11, sixteenth set: "ich nix gut deutsch", "me no good english": the caller's language, not a denial
    r"|(nix|nicht|kein|keine|wenig|no|not|not much|little) (so |very |much |viel |sehr )?(gut |good |gutes |richtig )?"
    r"(deutsch|englisch|english|german)"
    r"|(deutsch|englisch|english|german) (ist |is )?(nicht|nix|no|not) (so |very )?(gut|good)"
    r"|no speak\w*"
    # issue 11, twenty-fifth set: "I'm no kidding, there's flames", "kein Witz, da brennt's": an oath that it is true
    r"|(no|not|nae) (kiddin|kidding|joking|jokin|lie|lying|word of a lie)|i kid you not|no joke|not a joke"
    r"|(kein|keine|ohne|nicht) (witz|scherz|quatsch|schmarrn|scheiss|gelogen|luege)"
    r"|(ich )?(lueg|luege) (dich |sie |euch )?nicht( an)?"
    # issue 11, twenty-fourth set: "meinem Vater geht es gar nicht gut, er liegt auf dem Boden", "my dad's not well, he
    # collapsed": feeling unwell is the first sign of the emergency, not a denial of it
    r"|(geht|gehts|ging|fuehlt|fuehle|fuehlen|fuehlte) (\w+ ){0,3}(gar |ganz |echt |so |ueberhaupt )?"
    r"(nicht|nich|net|ned) (so |gut |mehr )?(gut|wohl)"
    r"|(not|isn t|is not|s not|wasn t|not feeling|isn t feeling|doesn t feel|didn t feel|don t feel)"
    r" (very |so |too |at all |that )?(well|good|great|right)"
    # issue 11, twenty-eighth set: "er kann nicht schlucken, sein Hals schwillt zu", "he can not swallow, his throat is
    # swelling": what the person cannot do is a symptom of the emergency, not a denial of it
    r"|(kann|kannst|koennen|konnte|konnten) (er |sie |ich |es )?(nicht|kaum|nich|net) (mehr |richtig |gut )?"
    r"(schlucken|atmen|sprechen|reden)"
    r"|(can not|could not|does not|do not|did not|is not able to|isn t able to|doesn t|don t|didn t)"
    r" (really |properly )?"
    r"(swallow|breathe|breath|speak|talk)"
    # issue 11, twenty-ninth set: a broken-off "ich kann nicht", "I can't" before a new subject ("ich kann nicht ich
    # krieg keine Luft mehr", "i can't he isn't breathing"): panic that stops mid-sentence denies nothing that follows
    r"|(kann|kannst|can t|cannot|can not)( nicht| nich)?(?= (ich|i|er|sie|he|she|wir|we|es|it|mein|meine|my)\b)"
    # issue 11, thirty-third set: "no" or "nein" cried over and over ("NO NO NO he's not moving"): a cry, not a denial
    r"|(no|nein|nee)( (no|nein|nee))+(?=\s*$| (he|she|they|er|sie|i|ich|it|es|my|mein\w*|the|der|die|das)\b)"
    # issue 11, fortieth set: the caller takes back what they said ("nein Moment", "no actually"): the "no" denies the
    # words before it, never the worse thing said next
    rf"|{CORRECTION.pattern}"
    r")\b"
)
_CLAUSE_BREAKS = frozenset("und aber oder weil sondern doch dass and but or because so".split())
# "die Dokumentation geht nicht, alle Rechner sind aus", "the till doesn't work, the whole system is down": a negator
# right after (German) or right before (English) a verb of working denies that verb and ends its clause; what follows
# is a new clause, not denied (issue 11, twenty-sixth set). Not "es geht nicht um einen Rohrbruch": there the next word
# says what the denial is about.
_WORKING_VERBS = frozenset(
    "geht gehen funktioniert funktionieren klappt laeuft laufen startet reagiert druckt "
    "work works working start starting respond responding "
    # issue 11, twenty-seventh set: a remedy that fails ("das Spray hilft nicht, er kriegt kaum noch Luft", "the inhaler
    # isn't helping, he can't breathe"): the failure is part of the emergency, not a denial of what follows
    "hilft helfen wirkt wirken help helps helping".split()
)
_DENIAL_GOES_ON = frozenset("um about so mehr anymore".split())
# the negators German puts after the verb they deny ("funktioniert nicht", "geht nich")
_GERMAN_NEGATORS = frozenset("nicht nich net ned nimmer".split())


# issue 11, thirty-first set: distress words that start with the caller's own "ich"/"I" begin a clause of their own; a
# negator before them belongs to the clause before ("ich geh hier nicht weg, ich hab solche Angst")
_OWN_CLAUSE = re.compile(r"(ich|i|wir|we)\b")


def is_negated(folded: Folded, start: int, end: int, *, after: bool = True, look_before: bool = True) -> bool:
    """Is the matched hazard denied ("kein Rohrbruch", "it's not a burst pipe", "es brennt nicht")?

    ASR text has no commas: the window is three words back, stopping at a conjunction ("ich finde
    den Haupthahn nicht und das Wasser schießt raus" denies nothing), and two words after. `look_before=False`
    looks only after the match.
    """
    # "hasn't" folds to "hasn t": the lone "t" is part of the negator, not a word of the window
    before = [w for w in _IDIOMS.sub(" ", folded.text[:start]).split() if w not in ("t", "s")]
    absence = _ABSENCE.match(folded.text[start:end]) is not None
    # an absence carries its own "kein"/"no": a negator before it belongs to the item listed before ("no hot water no
    # heating")
    for distance in range(1, (_NEG_WINDOW_WORDS if look_before and not absence else 0) + 1):
        if distance > len(before):
            break
        word = before[-distance]
        if word in _CLAUSE_BREAKS:
            break
        previous = before[-distance - 1] if distance < len(before) else ""
        following = before[-distance + 1] if distance > 1 else ""
        # "tropft nicht mehr, es läuft richtig": "nicht mehr" negates the verb before it, not the hazard
        if following in ("mehr", "anymore", "longer", "nur", "only"):
            continue
        if word in NEGATORS and previous not in _NOT_NEGATING_AFTER:
            if _false_start(folded, start, end, word, previous):
                continue
            if _ends_own_clause(word, previous, following, before[len(before) - distance + 1 :]):
                break
            if _new_person_after([*before[len(before) - distance + 1 :], *folded.text[start:end].split()[:1]]):
                break
            return True
    # a client's phrase may end inside a word ("ransom" in "ransomware ist kein Thema"): what is said of it starts after
    # the word (only for a denial said of the subject; "rückstau" in "rückstauklappe geht nicht" is no "geht nicht")
    said_of_it = re.sub(r"^\w+", "", folded.text[end:])
    if absence and _LISTED_ABSENCE.match(folded.text[end:]):
        return False
    # issue 11, thirty-second set: a hedge right after the hazard ("riecht es nach Gas, weiß nicht, ob das wichtig ist",
    # "keine Ahnung, ob das schlimm ist") is the caller's doubt, not a denial, as it is before it
    return after and bool(_NEG_AFTER.match(_IDIOMS.sub(" ", folded.text[end:])) or _DENIED_AFTER.match(said_of_it))


def _false_start(folded: Folded, start: int, end: int, word: str, previous: str) -> bool:
    """The negator begins a broken-off start of the very words matched ("he's not bree- he's not breathing", "sie
    atmet nicht, sie atmet nicht"): the caller says the symptom again, and its own "not" denies nothing (issue 11,
    thirty-third set)."""
    matched = [w for w in folded.text[start:end].split() if w not in ("t", "s")]
    if word not in matched:
        return False
    at = matched.index(word)
    return at > 0 and matched[at - 1] == previous


def _ends_own_clause(word: str, previous: str, following: str, rest: list[str]) -> bool:
    """A negator that denies its own verb of working, the match in a clause after it ("geht nicht, alle Rechner").

    `rest` is the words between the negator and the match: German puts the verb before the negator ("geht nicht"),
    English after it ("doesn't work"). An English negator after the verb starts the next clause and denies what it
    names ("the socket stopped working, no sparks or anything": issue 11, thirty-eighth set).
    """
    if previous in _WORKING_VERBS and word in _GERMAN_NEGATORS:
        return not rest or rest[0] not in _DENIAL_GOES_ON
    if following in _WORKING_VERBS:
        return len(rest) == 1 or rest[1] not in _DENIAL_GOES_ON
    return False


# issue 11, fortieth set: a person named again as the subject of a new clause ("der ist nicht müde, der wacht gar nicht
# mehr auf", "he's not saying anything, he's just lying there", "I don't think she's breathing")
_PERSON_SUBJECTS = frozenset("er sie der he she they".split())


def _new_person_after(rest: list[str]) -> bool:
    """A negator whose own clause ends before the match: a person pronoun after at least one word begins the next.

    ASR text has no commas; the pronoun is where the caller started over, and the negator denied the words before it.
    """
    return any(w in _PERSON_SUBJECTS for w in rest[1:])


_NOT_AFTER_WORDS = 3


def _about_something_else(folded: Folded, rule: Rule, start: int) -> bool:
    """One of the rule's `not_after` words occurs among the three words before the match."""
    if not rule.not_after.all():
        return False
    before = " ".join(folded.text[:start].split()[-_NOT_AFTER_WORDS:])
    return any(p.search(before) for p in _patterns(rule.not_after))


def match(folded: Folded, rules: tuple[Rule, ...]) -> list[Hit]:
    """Every rule whose pattern occurs, with the caller's words and whether they were negated.

    A match inside a name ("hier ist Brand", "Mrs Fire") is no situation (`names.name_spans`)."""
    hits: list[Hit] = []
    names = name_spans(folded)
    for rule in rules:
        found: Hit | None = None
        for pattern in _patterns(rule.patterns):
            for m in pattern.finditer(folded.text):
                if _about_something_else(folded, rule, m.start()) or in_a_name(names, m.start()):
                    continue
                look_before = rule.kind != "distress" or not _OWN_CLAUSE.match(m.group(0))
                negated = rule.negatable and (
                    is_negated(folded, m.start(), m.end(), look_before=look_before) or _second_thing_denied(pattern, m)
                )
                hit = Hit(rule, folded.words_at(m.start(), m.end()), negated, m.start(), m.end())
                if not negated:
                    found = hit
                    break
                found = found or hit
            if found and not found.negated:
                break
        if found:
            hits.append(found)
    return hits

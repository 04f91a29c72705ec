"""Short answers inside a flow: yes or no, pickup or delivery, which option, which info topic."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..packs.schema import InfoAnswer, Pack
from .numbers import parse_quantity
from .text import fold, fold_pattern
from .types import Lang

_DONE = re.compile(
    r"\b(das wars|das war s|das waers|das waer s|das waere es|das ist alles|das waere alles|mehr nicht|sonst nichts"
    r"|nichts mehr|nein danke|tschuess|auf wiederhoeren|wiederhoeren|that s all|that is all|that s it"
    r"|that s everything|that is everything|that ll be all|that will be all|nothing else|nothing more|no thanks"
    r"|no thank you|bye|goodbye"
    # as people say it loosely (and Whisper writes it): "Ne, danke.", "Nee, passt so.", "nah I'm good"
    r"|(ne|nee|noe|nah|nope) (danke|thanks|thank you)|passt so|passt schon|das reicht(?! nicht)|i m good|we re good"
    r"|that ll do)\b"
    # with a word of emphasis inside: "das ist wirklich alles", "das war's jetzt echt", "that's really everything now"
    r"|\b(das (ist|war|waere) (jetzt |wirklich |echt |dann |auch |nun |tatsaechlich |eigentlich ){1,3}alles"
    r"|das (war|waer) s (jetzt |wirklich |echt |dann |auch |nun )*(wirklich|echt|jetzt|dann|nun)"
    r"|that (s|is|was) (really |honestly |actually |definitely |now |then |just )*(really|honestly|actually|definitely"
    r"|now|then|just) (all|it|everything))\b"
    # ... and only where the sentence ends there or goes on as leave-taking does ("das ist wirklich alles kaputt" is
    # a fault, "that's really all wrong" a complaint)
    r"(?=\s*$|\s+(danke|thanks|thank you|bitte|please|jetzt|now|for now|fuer heute|erstmal|so far|wirklich"
    r"|really|tschuess|bye|goodbye|ja|yes|yeah|was ich|what i|i need|i wanted|ich brauche|ich wollte"
    r"|von mir|from me)\b)"
)
# "Ich möchte eine Nachricht für Herrn Berg hinterlassen": announces a message without giving it
_ANNOUNCE = re.compile(
    r"\b(nachricht|botschaft|message)\w* (\w+ ){0,4}(hinterlassen|hinterlegen|aufnehmen|aufsprechen|leave|take)\b"
    r"|\b(leave|take) (a |an )?message\b|\b(etwas|was) ausrichten\b"
)
# "hole es morgen früh ab", "I'll come by tomorrow and get it": a time may stand inside the phrase
_PICKUP = re.compile(
    r"\b(abhol\w*|hol\w* ((?!nicht\b)\w+ ){0,4}ab|selbst|vorbei|pick\w* (it |them |that |the order )?up|pickup"
    r"|collect\w*|come (and |to |by and )?(get|fetch|pick)|come (\w+ ){1,3}(and|to) (get|fetch|pick)|get it myself"
    r"|fetch it)\b"
)
# What Whisper makes of a short "Pick up, please." on an 8 kHz line ("Back up, please." in the voice suite):
# taken only as the answer to "pick up or deliver?", never inside an order sentence.
_PICKUP_MISHEARD = re.compile(r"^\W*(back|pack|peck|pic|pig|big|kick|pik)(ed)? ?(it |them )?up\b")
_DELIVERY = re.compile(r"\b(liefer\w*|bringen|schicken|zustell\w*|nach hause|deliver\w*|send it|bring it)\b")
# Words with which a caller takes back what they said a moment ago ("ach nein, doch lieber ...", "no, actually")
_CHANGE_OF_MIND = re.compile(
    r"\b(nein|nee|doch|lieber|eher|stattdessen|warte\w*|no|actually|rather|instead|sorry|wait|on second thought)\b"
)


@lru_cache(maxsize=256)
def _phrases(words: tuple[str, ...]) -> re.Pattern[str]:
    spellings = sorted({fold(w) for w in words if fold(w)}, key=len, reverse=True)  # longest phrase first
    return re.compile(r"\b(" + "|".join(re.escape(s) for s in spellings) + r")\b")


# "not sure", "ich weiß nicht genau", "keine Ahnung": the caller does not know, which is neither yes nor no
# ("not sure" holds "sure", "nicht genau" holds "genau": taken for a yes, they confirmed a read-back)
_UNSURE = re.compile(
    r"\b(not (quite |really |so |too )?sure|unsure|no idea|no clue|(i )?(don ?t|do not) know|dunno|can ?t say"
    r"|(weiss|weis|wees) (ich )?(es |das )?(nicht|net|nich)|keine ahnung|nicht (so )?(ganz )?sicher"
    r"|(bin mir|ich bin) (\w+ )?nicht sicher|nicht genau|kann ich nicht sagen)\b"
)


def unsure(text: str) -> bool:
    """The caller says they do not know ("weiß ich nicht", "not sure")."""
    return bool(_UNSURE.search(fold(text)))


# Whisper writes a short "nee" as "Ne." It is a no only alone: "ne Maus" is "eine Maus", and "ja, genau, ne?"
# asks for agreement.
_LONE_NE = re.compile(r"^ne( ne)*$")


def yes_no(pack: Pack, text: str, lang: str) -> bool | None:
    """True for yes, False for no, None when the words say neither or both, or that the caller does not know.

    "Nicht richtig" holds "richtig": the no-phrases are taken out before yes is looked for.
    """
    folded = fold(text)
    if _UNSURE.search(folded):
        return None
    if _LONE_NE.match(folded):
        return False
    yes_words = tuple(w for words in pack.prompts.yes_words.values() for w in words)
    no_words = tuple(w for words in pack.prompts.no_words.values() for w in words)
    said_no = False
    if no_words:
        folded, count = _phrases(no_words).subn(" ", folded)
        said_no = count > 0
    said_yes = bool(yes_words) and bool(_phrases(yes_words).search(folded))
    if said_yes == said_no:
        return None
    return said_yes


def only_yes_no(pack: Pack, text: str) -> bool:
    """The turn is a yes or a no and nothing else ("Jep.", "jo passt", "yeah yeah", "nö"): no word of it is
    a name, however short and capitalised ("Björn Hansen?" - "Jep" was read back as "Björn Jep")."""
    folded = fold(text)
    if _LONE_NE.match(folded):
        return True
    words = tuple(w for table in (pack.prompts.yes_words, pack.prompts.no_words) for ws in table.values() for w in ws)
    rest = _phrases(words).sub(" ", folded).split() if words else folded.split()
    return bool(folded) and not [w for w in rest if w not in _HUMS]


_HUMS = frozenset("aeh aehm hm hmm uh uhm um oh ah na".split())


# Greetings that belong to one language ("hi", "moin" and "okay" tell nothing)
_GREETINGS_BY_LANGUAGE: dict[Lang, tuple[str, ...]] = {
    "de": ("hallo", "guten tag", "guten morgen", "guten abend", "gruess gott", "gruss gott", "servus"),
    "en": ("hello", "good morning", "good afternoon", "good evening"),
}


def answer_language(pack: Pack, text: str) -> Lang | None:
    """The language a short answer or greeting is in, from words only one of the client's languages
    uses ("yes, that's fine", "yeah", "hello?" against "ja gerne", "hallo"): a caller's first words
    often are only that, and the call should go on in their language. None when the words are shared
    ("ok", "hi"), from both languages, or from neither; and None for one word of yes ("Yeah.", "Yes.",
    "Okay."): Whisper writes a German caller's short "Ja" as "Yeah." or "Yes.", and Germans say "okay" and
    "yes" too, so one such word does not move a call out of the language it is in. A lone "No." still does:
    "Nein" does not sound like "No" as "Ja" sounds like "Yeah", and an English caller who refuses the recording
    should hear the answer in English."""
    folded = fold(text)
    words: dict[Lang, set[str]] = {}
    for table in (pack.prompts.yes_words, pack.prompts.no_words):
        for table_lang, phrases in table.items():
            words.setdefault(table_lang, set()).update(fold(w) for w in phrases if fold(w))
    yes = {fold(w) for phrases in pack.prompts.yes_words.values() for w in phrases}
    if len(folded.split()) == 1 and folded in yes:
        return None
    for greeting_lang, greetings in _GREETINGS_BY_LANGUAGE.items():
        words.setdefault(greeting_lang, set()).update(greetings)
    said: set[Lang] = set()
    for lang, own_words in words.items():
        others: set[str] = set().union(*(w for other, w in words.items() if other != lang))
        own = tuple(w for w in own_words if w not in others)
        if own and _phrases(own).search(folded):
            said.add(lang)
    return said.pop() if len(said) == 1 and said <= set(pack.languages) else None


# The words of an appointment request itself ("ich hätte gern einen Termin", "can someone come round"),
# and of whom it is with: what is left says what the appointment is about.
_APPOINTMENT_WORDS = frozenset(
    fold(w)
    for w in """
    ich hätte hätten gern gerne möchte möchten würde würden will wollte brauche bräuchte einen termin termine
    vereinbaren ausmachen machen buchen bekommen haben für bei mit ihnen uns mir kann könnte können jemand
    kommen vorbeikommen vorbei mal bitte hallo guten tag ein eine einem einer der die das den dem des und
    zum zur wegen noch mein meine meinen meinem meiner unser unsere
    i d ll m ve would like want need to a an the appointment book make schedule set up arrange can could may
    please someone somebody anyone come over round visit with for hello hi good morning afternoon and me us
    about regarding my our still
    """.split()
)
_TITLES = frozenset(fold(w) for w in "herr herrn frau doktor dr mr mrs ms miss".split())


def says_what_about(text: str, when_words: str | None = None) -> bool:
    """An appointment request that already names its subject ("my kitchen tap is dripping, can someone
    come?", "einen Termin zum Mietrecht"), not only the wish for one ("Ich hätte gern einen Termin nächste
    Woche", "with Mr Berg"): a word besides the request's own, whom it is with and when."""
    said_when = set(fold(when_words or "").split())
    words = fold(text).split()
    named = {i + 1 for i, w in enumerate(words) if w in _TITLES}  # "Herrn Berg": with whom, not what about
    rest = [
        w for i, w in enumerate(words)
        if w not in _APPOINTMENT_WORDS and w not in _TITLES and w not in said_when and i not in named
    ]
    return bool(rest)


# The start of a request and no more ("Ich möchte", "wir bräuchten", "I'd like to", "I was wondering if"):
# the speech detector ended the turn at a pause inside the sentence, and the rest is still to come
_UNFINISHED = re.compile(
    r"^((ja|yes|yeah|hallo|hello|hi|aeh|aehm|um|uh|also|so|well|ok|okay|guten tag|guten morgen|good morning) )*"
    r"((ich|wir) (moechte|moechten|wollte|wollten|will|wuerde|wuerden|haette|haetten|brauche|braeuchte"
    r"|braeuchten|brauchen|rufe an|rufe wegen|wollte fragen ob|wollte mal fragen ob)( gern| gerne)?( mal)?"
    r"( eine| einen| ein| gern| gerne)?|es geht um|und zwar"
    r"|(i d|i would|we d|we would) like( to)?|(i|we) (want|wanted|need|needed)( to)?|i was wondering( if)?"
    r"|i m calling( about| because)?|i am calling( about| because)?|it s about|i m ringing( about)?)$"
)


def unfinished(text: str) -> bool:
    """ "Ich möchte", "I'd like to": a request cut off by a pause, its rest in the next turn."""
    return bool(_UNFINISHED.match(fold(text)))


def is_done(text: str) -> bool:
    """The caller has nothing more ("nein danke, das wars")."""
    return bool(_DONE.search(fold(text)))


# "Gut, danke, tschüss", "great, thanks, bye": the caller takes leave (not merely "nothing more")
_FAREWELL = re.compile(
    r"\b(tschuess|tschoe|auf wiederhoeren|wiederhoeren|auf wiedersehen|ciao|bye|bye bye|goodbye|good bye"
    r"|see you|cheers bye|have a nice day|schoenen tag noch|schoenen abend noch)\b"
)


# "nein danke, das ist alles. Ach, eins noch: ...", "no thanks, that's all. Oh wait, one more thing: ...": what
# the caller remembers after saying they had nothing more
_ONE_MORE = re.compile(
    r"\b(?:(?:eine sache|eins|etwas|was) noch|noch (?:eine sache|eins|etwas|was)(?! anderes)|da f(?:ä|ae)llt mir"
    r"(?: noch)? (?:was|etwas|ein)|(?:fast|beinahe) vergessen|one more thing|one last thing|something else"
    r"|i (?:almost|nearly) forgot|before i forget|bevor ich(?:'s| es)? vergesse)\b\W*",
    re.IGNORECASE,
)


def remembered(text: str) -> str | None:
    """The words a caller adds after "ach, eins noch" / "oh wait, one more thing", as they said them (None
    when there is no such thing, or only a few words after it: the caller is still about to say it)."""
    found = list(_ONE_MORE.finditer(text))
    if not found:
        return None
    rest = text[found[-1].end() :].strip(" :,;-")
    return rest if len(rest.split()) >= 3 else None


# "Nein danke.", "no thanks": to a read-back, a no said politely; alone it says neither what is wrong nor that
# all is well (it is "das ist alles" that says the caller has nothing more)
_NO_THANKS_ALONE = re.compile(r"^(nein|no|ne|nee|noe|nope|nah)( danke| thanks| thank you)( schoen| sehr)?$")
# the no (and its thanks) a correction to a read-back starts with: "Nein danke, es ist der Drucker im Flur"
_NO_LEAD = re.compile(
    r"^\W*(?:(?:nein|nee|ne|no|nope|nah)\b[\s,.;:!-]*)(?:(?:danke|thanks|thank you)\b[\s,.;:!-]*)?"
    r"(?:(?:sorry|also|well)\b[\s,.;:!-]*)?",
    re.IGNORECASE,
)


def no_thanks_alone(text: str) -> bool:
    """ "Nein danke." / "No thanks." and nothing else."""
    return bool(_NO_THANKS_ALONE.match(fold(text).strip()))


def after_no(text: str) -> str | None:
    """What a caller says after the no that starts their answer to a read-back ("Nein danke, es ist der Drucker im
    Flur, nicht im Büro", "no, two not three"), as they said it; None when the turn starts with no no, or nothing
    but a goodbye or "that's all" follows it."""
    m = _NO_LEAD.match(text)
    if not m or not m.group(0).strip(" ,.;:!-"):
        return None
    rest = text[m.end() :].strip(" ,.;:!-")
    if not rest or is_done(rest) or says_goodbye(rest):
        return None
    return rest


# the yes a caller's addition to a read-back starts with: "Yes, and please only call after 4", "Ja, genau, und ..."
_YES_LEAD = re.compile(
    r"^\W*(?:(?:ja|jawohl|jep|genau|richtig|stimmt|korrekt|das stimmt|das ist richtig|yes|yeah|yep|correct|right"
    r"|that'?s right|that is right|that'?s correct)\b[\s,.;:!-]*)+(?:(?:und|and|aber|but|plus|also)\b[\s,.;:!-]*)?",
    re.IGNORECASE,
)


def after_yes(text: str) -> str | None:
    """What a caller adds after the yes to a read-back ("Yes, and please only call after 4 in the afternoon"), as
    they said it; None when the turn starts with no yes, or only thanks, a goodbye or "that's all" follow it."""
    from .silence_words import only_thanks

    m = _YES_LEAD.match(text)
    if not m:
        return None
    rest = text[m.end() :].strip(" ,.;:!-")
    if len(rest.split()) < 3 or is_done(rest) or says_goodbye(rest) or only_thanks(rest):
        return None
    return rest


# the thanks or okay a caller's next request starts with: "thanks, and do you have parking?", "Danke. Und was kostet
# die Anfahrt?", "okay great, and can I also book a patrol?"
_THANKS_LEAD = re.compile(
    r"^\W*(?:(?:ok|okay|alles klar|gut|super|prima|perfekt|schoen|great|perfect|fine|lovely|brilliant|cheers"
    r"|vielen dank|danke schoen|dankeschoen|danke sehr|danke|thank you very much|thank you|thanks a lot|thanks"
    r"|many thanks)"
    r"\b[\s,.;:!-]*)+(?:(?:und|and|also|aber|but|noch)\b[\s,.;:!-]*)?",
    re.IGNORECASE,
)


def after_thanks(text: str) -> str | None:
    """What a caller asks or says after the thanks (or okay) that starts their turn ("thanks, and do you have
    parking?"), as they said it; None when the turn starts with no thanks, or only a goodbye or "that's all" follow."""
    m = _THANKS_LEAD.match(fold(text))
    if not m or not m.group(0).strip(" ,.;:!-"):
        return None
    # the lead is found in the folded text: the rest starts after as many words said as fold to the lead's words
    said, lead = text.split(), len(m.group(0).split())
    taken = next((k for k in range(1, len(said) + 1) if len(fold(" ".join(said[:k])).split()) >= lead), len(said))
    rest = " ".join(said[taken:]).strip(" ,.;:!-")
    if len(rest.split()) < 3 or is_done(rest) or says_goodbye(rest):
        return None
    return rest


# "Was kostet ein Monitor?", "how much is a shower head?", "what's the price of ...": a price asked
_ASKS_PRICE = re.compile(
    r"\b(was (kostet|kosten)|kostet|wie ?viel (kostet|kosten|ist|macht)|wie teuer|preis|preise|how much|price|prices"
    r"|what (does|do|would) .{1,40} cost|cost)\b"
)


def asks_price(text: str) -> bool:
    """The caller asks what something costs."""
    return bool(_ASKS_PRICE.search(fold(text)))


# "Was kostet der denn?", "how much is it?": the price of the thing just spoken of, named by a pronoun only
_PRICE_OF_IT = re.compile(
    r"\b(was (kostet|kosten)|wie teuer (ist|sind)|wie ?viel (kostet|kosten)) (der|die|das|den|es|sie|er|dieser|diese)"
    r"( (denn|eigentlich|ungefaehr|so|dann|bei ihnen|pro stueck))*$"
    r"|\b(how much (is|are|does|do|would|will) (it|that|this|they|those|one)( (cost|be))?|what (does|do|would|will)"
    r" (it|that|this|they|those) cost|what s the price( of (it|that|this|them))?)( (then|again|roughly|each|please))*$"
)


def asks_price_of_it(text: str) -> bool:
    """The caller asks the price of what was just spoken of ("Was kostet der denn?", "how much is it?")."""
    return bool(_PRICE_OF_IT.search(fold(text).strip()))


# How a caller takes leave when nothing more is wanted: thanks, a wish, a word of praise, goodbye ("Nein, das war
# alles, danke schön.", "Danke, schönes Wochenende!", "Great, thanks a lot, have a nice day.")
_LEAVE_WORDS = re.compile(
    r"\b((vielen|herzlichen|besten|tausend) dank|danke( schoen| sehr| vielmals)?|dankeschoen|thanks|thank you|cheers"
    r"|schoen(en|es|e) (tag|abend|wochenende|feierabend|sonntag|feiertage|woche)|(einen )?guten tag noch"
    r"|have a (nice|good|lovely|great) (day|evening|weekend|one)|take care|all the best"
    r"|bis (dann|bald|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)|see you( then| soon)?"
    r"|das war (alles|es)|das waer s|das wars|mehr (wollte|brauchte) ich (nicht|gar nicht)|that was (all|it)"
    r"|(sie waren|das war) (sehr |wirklich )?(freundlich|nett|hilfreich)|you ve been (very |really |so )?(helpful|kind)"
    r"|prima|super|wunderbar|toll|perfekt|sehr gut|alles klar|na gut|great|lovely|perfect|brilliant|wonderful|fine"
    r"|excellent|smashing)\b"
)
_THANKS_OR_WISH = re.compile(
    r"dank|thank|cheers|schoen|have a|take care|all the best|das war|that was|you ve been|sie waren"
)
# words that may stand beside leave-taking and add nothing
_LEAVE_SMALL = frozenset(
    "nein no nee noe nope nah ja yes yeah also so und and auch too ihnen you noch dann then oh ach well ok okay "
    "gut good sehr very much so a lot mal erstmal for now".split()
)


def takes_leave(text: str) -> bool:
    """The caller, asked whether there is anything else, thanks and takes leave and says nothing more ("Nein, das
    war alles, danke schön", "Danke, schönes Wochenende!", "Great, thanks a lot, have a nice day")."""
    folded = fold(text)
    if not folded or not (_THANKS_OR_WISH.search(folded) or _FAREWELL.search(folded) or _DONE.search(folded)):
        return False  # "gut", "fine" alone say no leave-taking
    rest = _DONE.sub(" ", _FAREWELL.sub(" ", _LEAVE_WORDS.sub(" ", folded)))
    return set(rest.split()) <= _LEAVE_SMALL


def says_goodbye(text: str) -> bool:
    """The caller says goodbye: whatever the bot still wanted to ask, they are about to hang up."""
    return bool(_FAREWELL.search(fold(text)))


def closes(text: str, changed: set[str]) -> bool:
    """ "Nein danke, das ist alles" to a read-back: the caller has nothing to add, which confirms what
    was read back (a "nein" that corrects says what is wrong, or gives the detail anew)."""
    return is_done(text) and not changed


def announces_message(text: str) -> bool:
    """The caller only said they want to leave a message; the message itself comes next."""
    folded = fold(text)
    found = _ANNOUNCE.search(folded)
    if not found:
        return False
    rest = (folded[: found.start()] + " " + folded[found.end() :]).split()
    return len(rest) <= 8


def fulfilment(text: str, asked: bool = False) -> str | None:
    """Pickup or delivery, from the caller's words; `asked`: the bot has just asked which, so the way
    Whisper mishears a short "pick up" counts too."""
    folded = fold(text)
    delivery, pickup = _DELIVERY.search(folded), _PICKUP.search(folded)
    if delivery and pickup:
        # "Liefern bitte. Ach nein, ich hole sie doch lieber ab", "pick it up, no sorry, deliver it": the way
        # said after a correction wins; without one, delivery (it asks for the address that decides it)
        first, second = sorted((delivery, pickup), key=lambda m: m.start())
        corrected = _CHANGE_OF_MIND.search(folded[first.end() : second.start()])
        return "pickup" if corrected and second is pickup else "delivery"
    if delivery:
        return "delivery"
    if pickup or (asked and _PICKUP_MISHEARD.search(folded)):
        return "pickup"
    return None


@lru_cache(maxsize=1024)
def _keyword_pattern(keyword: str) -> re.Pattern[str] | None:
    """A keyword the pack writes as a pattern ("wann (haben|sind) sie", "call-?out") as a regular expression
    on folded text; None when it is no valid one."""
    try:
        return re.compile(r"(?<![a-z0-9])" + fold_pattern(keyword))
    except re.error:
        return None


def _says_keyword(keyword: str, folded: str) -> bool:
    """The caller used the keyword: its words as written, or its pattern."""
    words = fold(keyword)
    if not words:
        return False
    pattern = _keyword_pattern(keyword)
    return f" {words}" in folded or (pattern is not None and pattern.search(folded) is not None)


def info_answer(pack: Pack, text: str) -> InfoAnswer | None:
    """The pack answer whose keywords the caller used most."""
    folded = f" {fold(text)} "
    best, best_score = None, 0
    for answer in pack.info:
        score = sum(1 for words in answer.keywords.values() for w in words if _says_keyword(w, folded))
        if score > best_score:
            best, best_score = answer, score
    return best


# "nein, ich möchte nicht aufgezeichnet werden", "no, I do not want to be recorded"
_NO_RECORDING = re.compile(
    r"\bnicht (\w+ ){0,2}(aufgezeichnet|aufgenommen|aufzeichnen|aufnehmen|mitschneiden|mitgeschnitten)"
    r"|\bkeine (\w+ )?(aufzeichnung|aufnahme)|\bohne (aufzeichnung|aufnahme)"
    r"|\b(not|never) (\w+ ){0,2}(be )?(recorded|record)|\bdon ?t (\w+ ){0,3}record"
    r"|\bno recording|\bwithout (a )?recording|\brather not be recorded"
    r"|\b(rather|prefer( it)?)( if)? you (didn ?t|did not|don ?t|do not|wouldn ?t|would not) (\w+ )?record"
)
_WHO_IS_THIS = re.compile(
    r"\bwer ist (denn )?(da|dran|das)\b|\bmit wem spreche|\bwer spricht|\bwo bin ich\b|\bwer sind sie\b"
    r"|\bwho is (this|that|speaking|calling)\b|\bwho s (this|that|speaking|calling)\b|\bwho am i (speaking|talking)"
    r"|\bwho are you\b|\bam i talking to a\b"
    # whether a machine answers: "Sind Sie ein Roboter?", "Bin ich mit einer KI verbunden?", "is this automated?"
    r"|\b(sind sie|bist du|ist das|spreche ich|rede ich|bin ich|ist da|sprech ich)( hier| da| jetzt| etwa| nur"
    r"| gerade| mit| am telefon)* (ein |eine |einem |einer |so ein |so eine )?(roboter|maschine|computer|ki|bot"
    r"|chatbot|sprachcomputer|automat|computerstimme|kuenstliche[nrm]? intelligenz|sprachassistent(in|en)?"
    r"|ki assistent(in|en)?|bandansage|anrufbeantworter)\b"
    r"|\b(are you|is this|is that|am i (speaking|talking) (to|with)|is it)( just| really| actually| like)*"
    r" (a |an )?(robot|bot|chatbot|machine|computer|ai|a i|automated|automatic|artificial intelligence"
    r"|virtual assistant|answering machine|recorded voice|real)\b"
)
_GREETING_WORDS = frozenset(
    "hallo hello hi hey halloechen guten gute tag morgen abend good morning afternoon evening gruess gott gruss "
    "moin servus schoenen einen wunderschoenen day".split()
)
_SMALL_WORDS = frozenset(
    "ja yes jo ok okay also so na nun well oh ah aeh aehm aehmm hm hmm mhm uh uhm um erm und and hier ist this is "
    "mein my name ich bin i am im spricht speaking am apparat here s it its there ihnen you auch too"
    " der die".split()  # "hier ist die Jana": the article spoken German puts before a first name
)
# "Becker GmbH, Tom Becker am Apparat", "Fox Events Ltd, Andrew Fox speaking": the caller's firm said before the
# introduction, up to the first comma, is part of the greeting
_FIRM_FIRST = re.compile(
    r"^[^,]*\b(gmbh|ag|kg|ug|ohg|gbr|ltd|limited|inc|plc|llc|co|company|firma)\b\.?[^,]*,", re.IGNORECASE
)
# the caller checks the line before saying anything: a greeting too
_LINE_CHECK = re.compile(
    r"\b(ist (da )?(jemand|wer|einer) (da|dran)|ist da (jemand|wer)|(hoert|hoeren) (mich|sie mich) (jemand|wer)?"
    r"|(hoeren|verstehen) sie mich|koennen sie mich (hoeren|verstehen)|sind sie (noch )?(da|dran)"
    r"|(is|are) (anybody|anyone|someone|somebody|you) (still )?there|can (you|anybody|anyone) hear me"
    r"|does anyone hear me)\b"
)
_QUOTE = re.compile(
    r"\b(angebot|kostenvoranschlag|kostenschaetzung|preisanfrage|was (\w+ ){0,3}kosten wuerde|quote|quotation"
    r"|estimate|how much would)\w*"
)
_CALLBACK = re.compile(
    r"\b(rufen sie (bitte |doch |lieber )*(mich|uns)|ruf (bitte )?mich|melden sie sich|rueckruf|zurueckrufen"
    r"|call me back|call back|callback|get back to me|ring me back|(please|can you|could you|can someone|could someone"
    r"|would you|so) call me\b|call me (instead|later|tomorrow|on|at|after|before)\b|give me a (call|ring)|ring me\b"
    r"|phone me\b)"
)


# "Wie bitte?", "sorry, what did you say?": the caller did not hear the question
_ASKS_REPEAT = re.compile(
    r"\bwie bitte\b|\b(koennen|koennten|wuerden) sie (das |es )?(bitte )?(noch ?(ein)?mal )?(bitte )?wiederholen\b"
    r"|\bnoch ?(ein)?mal bitte\b|\bwas haben sie gesagt\b|\bwhat did you say\b|\bsay (that|it) again\b"
    r"|\bcome again\b|\b(could|can|would) you repeat\b|\brepeat that\b|\bpardon\b"
    r"|\bi didn ?t (catch|get|hear) (that|you|it)\b|^(what|was|hae|haeh|huh)$"
    # "sorry, what?", "sorry, what was that?", "Entschuldigung, was?", "wie war das?"
    r"|^((sorry|entschuldigung|oh|aeh|aehm|hm) )*(what|was|wie)( was that| did you say| war das| bitte)?$"
    r"|\bwhat was that( again)?$|\bwie war das( nochmal)?$|\bwas war das$|\bwas sagten sie\b"
    # "was soll ich machen?", "what should I do?" right after the advice: the advice again
    r"|^(und |also )?was soll ich (jetzt |denn |nun )*(machen|tun)$"
    r"|^(so |and )?what (should|do) i (do|have to do)( now)?$"
)
# "hm", "ähm", "hmm ...": the caller thinks aloud, and says nothing yet
_ONLY_FILLER = re.compile(r"^((hm+|aeh+m*|oehm|uh+m*|um+|erm+|err+|ah+|naja|tja) ?)+$")


# "Brauchen Sie meine Nummer?", "do you need my number?", "die Handynummer oder die vom Festnetz?", "soll ich
# buchstabieren?": a question back about the detail just asked for
_ABOUT_DETAIL = re.compile(
    r"\b(nummer|telefonnummer|handynummer|festnetz\w*|rufnummer|number|mobile|landline|adresse|anschrift"
    r"|address|namen?|name|buchstabieren|spell)\b"
)


def asks_about_detail(text: str) -> bool:
    """The caller answers the question for a detail with a short question about it."""
    folded = fold(text)
    return asks_question(text) and len(folded.split()) <= 10 and bool(_ABOUT_DETAIL.search(folded))


# "Wozu brauchen Sie denn die Adresse?", "warum wollen Sie meinen Namen wissen?", "why do you need my number?", "what
# do you need my address for?": the caller asks why a detail is wanted
_WHY = re.compile(
    r"\b(wozu|warum|wofuer|weshalb|wieso) (brauchen|wollen|benoetigen|muessen) sie\b"
    r"|\bwhy (do|would|d|does) (you|he|she|they|the \w+) (\w+ ){0,2}(need|want)\b"
    r"|\bwhat (do|would) you (\w+ ){0,3}need (\w+ ){0,3}for\b|\bwhat s (that|it) for\b|\bwofuer ist das\b"
)
_WHY_DETAIL = (
    ("address", re.compile(r"\b(adresse|anschrift|address|wohne|live)\b")),
    ("phone", re.compile(r"\b(\w*nummer|number|mobile|handy)\b")),
    ("name", re.compile(r"\b(namen?|name)\b")),
)


# "Wie lange muss ich warten?", "wann kommt der Techniker?", "wann ruft mich die Anwältin zurück?", "how long will it
# take for someone to come?", "when will the plumber be here?": the caller asks when help comes, which no one can
# promise to the minute (coord19)
# who would come or call: "jemand", "der Techniker", "die Anwältin", "someone", "the plumber" (written <who> below)
_WHO = (
    r"(jemand|einer|wer|ihr \w+|ihre \w+|der \w+|die \w+|das \w+|sie|ihr|euer \w+|eure \w+|dein \w+"
    r"|someone|somebody|anyone|anybody|they|he|she|you|the \w+|a \w+|an \w+|your \w+)"
)
_WAIT_TIME = re.compile(
    (
        r"\bwie lange (muss|muessen|soll|sollen|darf) (ich|wir|man) (denn |noch |da |jetzt )*warten\b"
        r"|\bwie lange (dauert|braucht|brauchen|dauern)( (es|das|s))?( (denn|noch|ungefaehr|etwa|jetzt))*"
        r"( bis (\w+ ){0,3}(kommt|kommen|da ist|da sind|hier ist|vorbeikommt|zurueckruft|anruft|sich meldet|meldet"
        r"|eintrifft)\b|\s*$)"
        r"|\bwie lange (dauert|braucht|brauchen) (\w+ ){0,2}(techniker|monteur|klempner|installateur|handwerker"
        r"|notdienst|bereitschaftsdienst|mitarbeiter|anwalt|anwaeltin|wachmann|wachdienst|interventionsdienst|rueckruf)\b"
        r"|\bwann (kommt|kommen|ist|sind|wird|werden|kann|koennen|koennte) (\w+ ){0,2}<who> (\w+ ){0,2}"
        r"(da|hier|vorbei|vor ort|bei mir|bei uns|kommen|vorbeikommen|vorbeischauen|eintreffen)\b"
        r"|\bwann (kommt|kommen) (\w+ ){0,2}<who>\b\s*$"
        r"|\bwann (ruft|rufen|meldet|melden|wird|werde|werden) (\w+ ){0,3}"
        r"(zurueck|zurueckgerufen|an|angerufen|sich|melden)\b"
        r"|\bwie (schnell|bald|zuegig) (kann|koennen|kommt|kommen|ist|sind|wird|werden) <who>|\bwie lange noch\b"
        r"|\bhow long (will|would|does|do|is|s|till|until|before|must|should|are)\b (\w+ ){0,3}"
        r"(take|be|wait|waiting|come|comes|coming|get here|gets here|arrive|arrives|call|calls)\b"
        r"|\bhow long\b (\w+ ){0,4}(have to|need to|got to) wait\b"
        r"|\bwhen (will|is|can|could|would|does|do|are|s) <who> (\w+ ){0,2}(be here|be there|be with|be round|be over"
        r"|come|coming|arrive|arriving|get here|get there|turn up|show up|call|calling|ring|ringing|get back|be back"
        r"|be in touch)\b"
        r"|\bhow (soon|quickly|fast) (will|can|could|would|is|are|does|do|s) <who>"
        r"|\bwhat (s|is) the (wait|waiting time|eta)\b"
    ).replace("<who>", _WHO)
)


def asks_wait_time(text: str) -> bool:
    """The caller asks how long until someone comes or calls ("wie lange muss ich warten?", "when will the plumber be
    here?"): a question, not a report (a short turn)."""
    folded = fold(text)
    return len(folded.split()) <= 16 and bool(_WAIT_TIME.search(folded))


def asks_wait_time_within(text: str) -> bool:
    """A turn that reports something and asks about the wait as well ("Das Rohr ist geplatzt, das Wasser läuft in den
    Keller, wie lange dauert es, bis jemand kommt?", "when will someone be here? water's pouring through the ceiling"):
    one of its sentences asks, or the end of one from a comma on. `asks_wait_time` alone would take the whole long
    turn for a report."""
    for sentence in re.split(r"[.?!;]+", text):
        clauses = sentence.split(",")
        if any(asks_wait_time(",".join(clauses[i:])) for i in range(len(clauses))):
            return True
    return False


def asks_why(text: str) -> str | None:
    """The detail the caller asks why it is wanted ("address", "phone", "name"), "" when the question names none
    ("wozu brauchen Sie das?"), None when the turn asks no such thing."""
    folded = fold(text)
    if len(folded.split()) > 12 or not _WHY.search(folded):
        return None
    return next((slot for slot, words in _WHY_DETAIL if words.search(folded)), "")


def only_filler(text: str) -> bool:
    """ "hm", "ähm", "erm ...": a turn of hesitation sounds only (not "mhm", which agrees)."""
    return bool(_ONLY_FILLER.match(fold(text)))
# "Einen Moment bitte", "hang on a second": the caller asks the bot to wait (to find a paper, a number)
_ASKS_TO_WAIT = re.compile(
    r"^(ja |ok |okay |aeh |aehm )?(einen |ein |nen )?(kleinen |kurzen )?moment( noch| bitte| mal)*$"
    r"|\b(einen|ein|nen) (kleinen |kurzen )?moment bitte\b|\bwarten sie (bitte )?(kurz|mal|einen moment)\b"
    r"|\bkurz warten\b|\bsekunde bitte\b|\beine sekunde\b"
    r"|\bhang on\b|\bhold on\b|\bone (sec|second|moment|minute)\b|\bjust a (sec|second|moment|minute)\b"
    r"|\bwait a (sec|second|moment|minute)\b|\blet me (check|look|find|get)\b"
)
# looking the detail up, with or without "Moment" before it: "ich muss kurz nachschauen", "ich suche die
# Nummer", "I need to look it up", "let me check, it's on my other phone"
_LOOKING_UP = re.compile(
    r"\b(ich )?(muss|schau|schaue|guck|gucke|such|suche) (\w+ ){0,2}"
    r"(nachschauen|nachsehen|nachgucken|raussuchen|die nummer|meine nummer|die adresse)\b"
    r"|\b(ich )?(schau|schaue|guck|gucke|seh|sehe) (mal |kurz |schnell )*nach$"
    r"|\b(i need to|i have to|i ve got to|i ll|i will|i m going to|let me) (just |quickly )?"
    r"(look (it |that )?up|look for it|find it|dig it out|check)( it| that)?$"
    r"|\bi m (just )?(looking (it |that )?up|looking for it|trying to find it)\b|^(\w+ )?let me (check|look)\b"
)


# A turn that asks something, as speech recognition writes it without a question mark: "bis wann haben Sie
# morgen auf", "what does that cost", after a lead-in ("ach und", "okay", "sorry")
_QUESTION_START = re.compile(
    r"^((ach|und|also|ok|okay|oh|aeh|aehm|ja|na|sorry|and|so|well|yes|yeah|but|aber|moment|noch|eine|one"
    r"|frage|question|kurze|quick) )*"
    r"(was|wie|wieviel|wann|wo|welche\w*|warum|bis wann|ab wann|haben sie|sind sie|kann ich|koennen sie"
    r"|kostet|gibt es|machen sie|what|how|when|where|which|why|do you|are you|can i|could i|is there|does"
    r"|is it|is your|are there)\b"
)


def asks_question(text: str) -> bool:
    """The caller asks a question ("was kostet das eigentlich?", "what time is your office open?")."""
    return "?" in text or bool(_QUESTION_START.search(fold(text)))


# "Sie müssen lauter sprechen", "ich hör nicht mehr so gut", "langsamer bitte", "das ging mir zu schnell", "the line
# is bad", "I'm a bit hard of hearing", "more slowly please": the caller could not follow what the bot said
_HEARING_TROUBLE = re.compile(
    r"\b(lauter (bitte|sprechen|reden)|(muessen|koennen|koennten|bitte) (sie )?(etwas |ein bisschen |mal )?lauter"
    r"|langsamer (bitte|sprechen|reden)|(bitte|etwas|ein bisschen|noch mal|nochmal) langsamer|^(lauter|langsamer)$"
    r"|(das|sie) (ging|war|geht|ist|sprechen|reden) (mir |ja )?(etwas |ein bisschen |viel )?zu schnell"
    r"|nicht so schnell$|ich bin (\w+ ){0,2}schwerhoerig|ich komm\w* (da )?nicht (mehr )?mit"
    r"|(hoer|hoere) (sie )?(nicht mehr so|nicht so|so|ganz|sehr) (gut|schlecht)"
    r"|(hoere|verstehe) sie (so |ganz |sehr )?schlecht|(hoere|verstehe) (sie )?(kaum|nichts|nix)"
    r"|(verbindung|leitung|empfang) (ist )?(so |ganz |sehr |total )?(schlecht|mies)"
    r"|speak up|(speak|talk|say it|say that) (a bit |much )?(louder|slower|more slowly)|more slowly|slow down"
    r"|(a bit |much )?(louder|slower) please|^(louder|slower)$"
    r"|(that was|you re|you are|that s|it was|you talk|you speak|you re talking|you are talking|you re speaking)"
    r" (a bit |much |far |way )?too fast"
    r"|hard of hearing|can t hear (you|a thing|very well)|(i )?(can t|couldn t|didn t|cannot) (follow|keep up)"
    r"|(line|connection|signal|reception) (is |s )?(so |really |very |a bit )?(bad|poor|terrible|awful))\b"
)
# what may stand beside the request to repeat without saying anything more: apologies and small words
_REPEAT_SMALL = frozenset(
    "sorry entschuldigung verzeihung oh ach aeh aehm hm um erm oje please bitte noch mal nochmal einmal".split()
)


def asks_repeat(text: str) -> bool:
    """ "Wie bitte?", "sorry, what did you say?": the caller wants the last question again. Said with why ("Wie bitte?
    Sie müssen lauter sprechen, ich hör nicht mehr so gut", "sorry, the line is bad, what did you say?") or as a wish
    for a slower pace ("Langsamer bitte, das war mir zu schnell", "could you say that more slowly?"), each part of the
    turn asks it: none says anything else."""
    folded = fold(text)
    if len(folded.split()) <= 8 and _ASKS_REPEAT.search(folded):
        return True
    parts = [fold(part) for part in re.split(r"[.,;:!?]+", text)]
    parts = [p for p in parts if p and not set(p.split()) <= _REPEAT_SMALL]
    asks = [p for p in parts if len(p.split()) <= 9 and (_ASKS_REPEAT.search(p) or _HEARING_TROUBLE.search(p))]
    return bool(parts) and len(asks) == len(parts)


# the part of a request to repeat that asks for a slower pace
_SLOWER = re.compile(
    r"\b(langsam\w*|zu schnell|nicht so schnell|komm\w* (da )?nicht (mehr )?mit|slow\w*|too fast"
    r"|(follow|keep up))\b"
)


def asks_slower(text: str) -> bool:
    """ "Langsamer bitte, ich komm nicht mit", "slower please": a request to repeat that asks for a slower pace, so
    a read-back comes again slowly (a number in small groups), not only once more."""
    return asks_repeat(text) and bool(_SLOWER.search(fold(text)))


# "Moment, ich such die Nummer raus", "hang on, I need to find my number": a wait, and what for
_WAIT_OPENING = re.compile(
    r"^((ja|ok|okay|aeh|aehm|oh|ah|aeh|sorry|entschuldigung) )*((einen|ein|nen) )?((kleinen|kurzen) )?"
    r"(moment|sekunde|augenblick|warten sie|hang on|hold on|one sec|one second|one moment|just a sec|just a second"
    r"|just a moment|wait)\b"
)
_FETCHING = re.compile(
    r"\b(such\w*|raussuch\w*|schau\w*|nachschau\w*|nachseh\w*|guck\w*|hol\w*|find\w*|look\w*|check\w*|get"
    r"|grab|fetch|zettel|brille|handy|notiert|aufgeschrieben|written|glasses)\b"
)


_WRITTEN_WHERE = re.compile(
    r"\b(nummer|adresse|number|address)\w* (steht|ist|liegt|is|s) (\w+ ){0,4}(zettel|notiert|aufgeschrieben|papier"
    r"|paper|note|written|somewhere|irgendwo)\b|\b(hab|habe|i ve|i have) (sie |es |it )?(\w+ )?(aufgeschrieben"
    r"|notiert|written (it )?down)\b"
)


def asks_to_wait(text: str) -> bool:
    """ "Einen Moment bitte", "hang on a second", "Moment, ich such die Nummer raus", "ich muss kurz
    nachschauen": the caller asks the bot to wait (perhaps saying what they fetch or look up), and says
    nothing else."""
    folded = fold(text)
    words = len(folded.split())
    if words <= 6 and _ASKS_TO_WAIT.search(folded):
        return True
    if words <= 10 and _LOOKING_UP.search(folded) and not any(ch.isdigit() for ch in folded):
        return True
    fetching = bool(_WAIT_OPENING.search(folded) and _FETCHING.search(folded))
    # "Moment, ich muss erst meine Brille holen, die Nummer steht auf dem Zettel": what is fetched, and where the
    # detail is written, may take a longer turn; it is still no part of a message
    limit = 20 if _WRITTEN_WHERE.search(folded) else 12
    return fetching and words <= limit and not any(ch.isdigit() for ch in folded) and "?" not in text


def refuses_recording(text: str) -> bool:
    """The caller does not want the call recorded (an answer to the consent question, in words)."""
    return bool(_NO_RECORDING.search(fold(text)))


# "Ist da die Apotheke?", "is this the plumber?": the caller checks where they called, no request
_WHERE_CALLED = re.compile(r"\b(ist (da|das|hier) (die|der|das) \w+|(is|am) (this|that|i through to) (the )?\w+)\b")


# "Bin ich hier richtig bei der Kanzlei Berg?", "is this the Berg law firm?", "spreche ich mit der Apotheke?"
_CHECKS_PLACE = re.compile(
    r"\bbin ich (hier |da )?(richtig|falsch)\b|\b(spreche|rede) ich (hier |da )?mit\b|\b(have i|did i) (got|get|reach"
    r"|reached|call) the right\b|\bam i (speaking|talking) (to|with)\b|" + _WHERE_CALLED.pattern
)
# "Spreche ich mit einem Menschen?", "am I talking to a real person?": a check of who answers that asks for a human
_HUMAN_WORDS = frozenset(
    "mensch menschen menschlichen person human humans mitarbeiter mitarbeiterin mitarbeiterinnen agent jemand "
    "jemandem someone somebody real echten echte echter richtigen lebendigen live".split()
)
_CHECKS_PLACE_BESIDES = frozenset("sorry entschuldigung my mein meine german deutsch english englisch not nicht so gut "
                                  "good very sehr is ist bei der die das the".split())


def checks_place(text: str) -> bool:
    """ "Hello? Is this the Berg law firm? Sorry, my German is not good", "Spreche ich mit dem IT-Service?": the
    caller checks where they called, and asks for nothing yet (not even for a human: "am I talking to a real
    person?" is such a request)."""
    folded = fold(text)
    if not _CHECKS_PLACE.search(folded):
        return False
    rest = [
        w for w in _CHECKS_PLACE.sub(" ", folded).split()
        if w not in _GREETING_WORDS and w not in _SMALL_WORDS and w not in _CHECKS_PLACE_BESIDES
    ]
    return len(rest) <= 3 and not _HUMAN_WORDS.intersection(rest)


def asks_who(text: str) -> bool:
    """ "Wer ist da?", "who is this?", "Hallo? Ist da die Apotheke? Mit wem spreche ich denn?": the caller
    wants to know who answers before anything else."""
    folded = fold(text)
    rest = [w for w in _CHECKS_PLACE.sub(" ", folded).split() if w not in _GREETING_WORDS]
    return bool(_WHO_IS_THIS.search(folded)) and len(rest) <= 8


# What a caller says about the recording itself when they agree to it or refuse it
_ABOUT_RECORDING = frozenset(
    "recording record recorded recordings call fine is that s this totally absolutely no problem go ahead can "
    "aufzeichnung aufzeichnen aufgezeichnet aufnahme aufnehmen aufgenommen gespraech das die ist in ordnung "
    "kein problem sie koennen duerfen gern gerne damit bin einverstanden von mir aus "
    # issue 11, found by calling: "ja ja, machen Sie mal", "hab nichts dagegen", "fine by me", "I don't mind at all"
    "machen mal ruhig nur meinetwegen nichts dagegen hab habe klar sure yeah by me i don t do not mind at all "
    "doesn t does bother objection objections be my guest alright all right whatever "
    # the refusal said in words: "nein, das möchte ich nicht", "no, I'd rather not"
    "moechte will mag nicht lieber rather prefer would d not".split()
)
# consent said without a yes, or with a "no" in it: "kein Problem", "hab nichts dagegen", "no problem", "I don't mind"
_GO_AHEAD = re.compile(
    r"\b(machen sie|von mir aus|meinetwegen|kein problem|nichts dagegen|in ordnung|einverstanden|go ahead"
    r"|fine by me|no problem|(don t|do not) mind|no objections?|be my guest|(doesn t|does not) bother me)\b"
)


def agrees_to_recording(pack: Pack, text: str) -> bool:
    """The turn is consent to the recording in words other than a plain yes ("meinetwegen, kein Problem", "yes,
    I don't mind at all", "ja ja, machen Sie mal") and says nothing else: a "no" inside "no problem" is none."""
    folded = fold(text)
    return bool(_GO_AHEAD.search(folded)) and not refuses_recording(text) and only_about_recording(pack, text)


def only_about_recording(pack: Pack, text: str) -> bool:
    """ "Yes okay, recording is fine", "ja, die Aufzeichnung ist in Ordnung": a yes or no to the consent
    question with words about the recording only, no request yet."""
    folded = without_small_talk(fold(text))
    for table in (pack.prompts.yes_words, pack.prompts.no_words):
        words = tuple(w for phrases in table.values() for w in phrases)
        if words:
            folded = _phrases(words).sub(" ", folded)
    rest = [w for w in folded.split() if w not in _ABOUT_RECORDING | _GREETING_WORDS | _SMALL_WORDS]
    return not rest


# Pleasantries before the request: "schönes Wetter heute, was?", "Sie sind aber früh auf den Beinen", "hope
# you're having a good day", "bit of an odd one, I'm calling from London": nothing to act on, nothing misheard
_SMALL_TALK = re.compile(
    r"\bwie geht (es|s)( ihnen| dir| euch)?( so| denn| heute)?\b|\bwie gehts\b"
    r"|\b(schoenes|schoenen|tolles|herrliches|mieses|schlechtes|schmuddel) ?wetter( heute)?"
    r"( was| oder| ne| nicht wahr)?"
    r"|\bsie sind (aber |ja |heute )*(frueh|spaet|fleissig|lange)( auf den beinen| dran| wach| auf)?\b"
    r"|\bich hoffe,? (es geht ihnen gut|sie haben einen (guten|schoenen) tag)\b|\bich rufe? (aus|von) \w+ an\b"
    r"|\bhow are you( doing)?( today| this morning)?\b|\bhow s it going\b|\bhow are things\b"
    r"|\bhope you( re| are) (well|ok|okay|doing well|keeping well"
    r"|having a (good|nice|great|lovely) (day|morning|evening))\b"
    r"|\b(lovely|nice|beautiful|gorgeous|awful|horrible|miserable) (day|weather|morning)( isn t it| today)?\b"
    r"|\byou re up early\b|\bbit of an odd one\b|\bi m calling from \w+\b|\bhope i m not (too early|bothering you)\b"
)
_SMALL_TALK_BESIDES = frozenset("was oder ne nicht wahr isn t it today heute aber ja sie right naja na so".split())


def without_small_talk(folded: str) -> str:
    """The folded turn without its pleasantries."""
    return _SMALL_TALK.sub(" ", folded)


def only_greets(text: str, name: str | None = None) -> bool:
    """ "Hallo?", "Guten Tag, hier ist Anna Schmidt", "Moin, schönes Wetter heute, was?": a greeting (and
    perhaps a name or a pleasantry), no request yet."""
    name_words = set(fold(name or "").split())
    folded = fold(_FIRM_FIRST.sub(" ", text))
    if _SMALL_TALK.search(folded):  # a pleasantry is a greeting: asked what they need, not "not understood"
        said = [w for w in without_small_talk(folded).split() if w not in _SMALL_TALK_BESIDES]
        return all(w in _GREETING_WORDS or w in _SMALL_WORDS or w in name_words for w in said)
    said = _LINE_CHECK.sub(" hallo ", folded).split()  # "hallo, ist da jemand?", "can you hear me?"
    rest = [w for w in said if w not in _GREETING_WORDS and w not in _SMALL_WORDS and w not in name_words]
    return bool(said) and not rest and any(w in _GREETING_WORDS or w in name_words for w in said)


def asks_callback(text: str) -> bool:
    """ "Rufen Sie mich bitte zurück", "please call me back": the caller wants a person to call."""
    return bool(_CALLBACK.search(fold(text)))


# "ach nein, eigentlich", "doch lieber", "forget the order", "I'd rather": the caller changes their mind
_MIND_CHANGED = re.compile(
    r"\b(eigentlich|doch (lieber|nur|nicht)|lieber|stattdessen|vergessen sie|ach nein|ach nee|nein warte"
    r"|actually|rather|instead|forget (the|about the|my) (order|that)|on second thought|never ?mind)\b"
)


def rather_message(text: str) -> bool:
    """ "Ach nein, eigentlich möchte ich nur eine Nachricht hinterlassen ...", "actually, forget the order, I'd rather
    leave a message, could someone call me back?": in the middle of an order the caller wants a message (or a
    callback) instead."""
    folded = fold(text)
    return bool(_MIND_CHANGED.search(folded)) and bool(_ANNOUNCE.search(folded) or _CALLBACK.search(folded))


def wants_callback_or_quote(text: str) -> bool:
    """ "Nur ein Angebot für ein neues Bad, bitte rufen Sie mich zurück": a request to pass on."""
    folded = fold(text)
    return bool(_QUOTE.search(folded) or _CALLBACK.search(folded))


# "ok, then I'd like to book one", "gut, dann buche ich einen", "dann nehme ich das": an order of something said
# before, by a pronoun in place of the item
_ORDER_VERB_EN = r"(book|order|reserve|take)"
_ORDER_VERB_DE = r"(buchen|buche|bestellen|bestelle|reservieren|reserviere|nehmen|nehme)"
_PRONOUN_EN = r"(one|ones|it|them|those|two|three|four|five)"
_PRONOUN_DE = r"(einen|eine|eins|einmal|den|die|das|es|welche|zwei|drei|vier|fuenf)"
_ORDERS_ONE = re.compile(
    rf"\b({_ORDER_VERB_EN} (\w+ ){{0,1}}{_PRONOUN_EN}"
    rf"|{_PRONOUN_DE} (\w+ ){{0,2}}{_ORDER_VERB_DE}|{_ORDER_VERB_DE} (ich|wir) (\w+ ){{0,1}}{_PRONOUN_DE}"
    # "dann hätte ich gern zwei", "ich möchte eins", "then one 24 inch please", "I'd like two"
    rf"|(haette|haetten|moechte|moechten) (ich|wir) (gern |gerne )?{_PRONOUN_DE}"
    rf"|(ich|wir) (haette|haetten|moechte|moechten) (gern |gerne )?{_PRONOUN_DE}"
    rf"|(then|i d like|we d like|i would like|we would like|i ll have|we ll have|give me) {_PRONOUN_EN}(?! of)"
    r")\b"
)


# "dann nehme ich das so hin", "I'll order it online", "nicht": no order here
_NOT_AN_ORDER_HERE = re.compile(
    r"\b(hin|online|internet|woanders|anderswo|elsewhere|somewhere else|nicht|not|don t|never|nie)\b"
)


def orders_the_one_asked(text: str) -> int | None:
    """ "OK, then I'd like to book one.", "Gut, dann möchte ich einen buchen, von 18 bis 2 Uhr", "I'll take two":
    the caller orders by a pronoun what they asked about before; how many (one unless a number stands for the
    item), or None when the turn is no such order."""
    folded = fold(text)
    found = _ORDERS_ONE.search(folded)
    if not found or _NOT_AN_ORDER_HERE.search(folded):
        return None
    counts = (parse_quantity(w, "en") or parse_quantity(w, "de") for w in found.group(0).split())
    return next((n for n in counts if n and n > 1), 1)


# "ich hätte gern einen Termin", "können wir einen Termin ausmachen", "I wanted to book an appointment": the caller
# asks for an appointment in so many words (not about one they have: "meinen Termin absagen", "my appointment")
_ASKS_APPOINTMENT = re.compile(
    r"\b((haette|haetten|moechte|moechten|brauche|brauchen|braeuchte|braeuchten|wuerde|wuerden|will|wollte|wollten"
    r"|koennen|koennte|koennten|kann) (\w+ ){0,3}(einen|nen|ein) (neuen )?termin"
    r"|termin (\w+ ){0,3}(vereinbaren|ausmachen|machen|buchen|bekommen|kriegen)"
    r"|(book|make|schedule|arrange|get|set up|need|like|want|wanted) (\w+ ){0,2}(an|a new) appointment)\b"
    r"(?! ?(bestaetigung|erinnerung|confirmation|reminder|letter))"
)
_ABOUT_AN_APPOINTMENT = re.compile(
    r"\b(absagen|verschieben|verlegen|stornieren|cancel\w*|move|reschedul\w*|postpone|mein\w* termin|unser\w* termin"
    r"|my appointment|our appointment|(i|we) (have|had|ve got) (\w+ ){0,2}appointment)\b"
)


def asks_appointment(text: str) -> bool:
    """ "I wanted to book an appointment, we need a quote for a new bathroom": an appointment asked for in so many
    words, whatever else the turn says (the quote is what it is about), not a message about one already made."""
    folded = fold(text)
    return bool(_ASKS_APPOINTMENT.search(folded)) and not _ABOUT_AN_APPOINTMENT.search(folded)


# someone to come and look, a site visit, a meeting or a consultation: what an appointment is for, not the
# catalogue's service itself ("a guard for the weekend" is the service, booked for then)
_VISIT = re.compile(
    r"\b(termin\w*|appointment\w*|besichtig\w*|vorbei\w*|vor ort|visit\w*|come (\w+ )?(round|over|by|out|in|and)"
    r"|pop (round|over|by|in)|anschau\w*|ansehen|angucken|look at|have a look|take a look|beratung\w*|erstberatung"
    r"|consultation|techniker\w*|technician|monteur\w*|engineer|klempner|plumber)\b"
)


def asks_visit(text: str, item_words: Iterable[str] = ()) -> bool:
    """Someone is asked to come, look or advise (a site visit for alarm monitoring): an appointment, even when a
    catalogue item is named. `item_words` are the names of the items named, which are no visit ("a patrol
    visit" is the service itself)."""
    folded = f" {fold(text)} "
    words = tuple(w for w in item_words if fold(w))
    if words:
        folded = _phrases(words).sub(" ", folded)
    return bool(_VISIT.search(folded))


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# Whisper base on the phone line often writes two sentences as one: "... the week after next and how much is your
# callout fee?", "... nächste Woche und was kostet die Anfahrt?". An "and"/"und" before a question word starts
# the question as a full stop would.
_JOINED_QUESTION = re.compile(
    r"(?:,\s*|\s+)(?=(?:and|und)\s+(?:how|what|when|where|which|who|why|do|does|are|is|can|could|will|would"
    r"|wie|was|wann|wo|welche\w*|wer|warum|haben|hat|gibt|kann|können|koennen|sind|ist)\b)",
    re.IGNORECASE,
)
# ... and a request after a question: "what are your office hours on Fridays, and I'd like to come in ...": an
# "and"/"und" before "I"/"we" starts the request when a question opened the clause before it
_JOINED_REQUEST = re.compile(
    r"(?:,\s*|\s+)(?=(?:and|und)\s+(?:i|i'd|i'm|i'll|we|we'd|we're|we'll|ich|wir)\b)", re.IGNORECASE
)
_QUESTION_OPENS = re.compile(
    r"(?:^|[,.!?]\s*)(?:what|when|where|which|who|why|how|do you|does|are you|is there|can i|could i"
    r"|was|wann|wo|welche\w*|wie|haben sie|sind sie|gibt es|kann ich|können sie|koennen sie)\b",
    re.IGNORECASE,
)
_JOINING = re.compile(r"^(und|and|also|so|oh|ach)\b[\s,]*", re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    """A sentence as Whisper wrote it, cut where a full stop was left out: before a question joined by "and"
    (`_JOINED_QUESTION`), and before a request joined by "and" to a question (`_JOINED_REQUEST`)."""
    parts = []
    for part in _JOINED_QUESTION.split(sentence):
        cut = next((m for m in _JOINED_REQUEST.finditer(part) if _QUESTION_OPENS.search(part[: m.start()])), None)
        parts += [part[: cut.start()] + "?", part[cut.end() :]] if cut else [part]  # the question it was
    return [p for p in parts if p.strip()]


def questions_beside(pack: Pack, text: str) -> list[tuple[InfoAnswer, str, str]]:
    """Each sentence of the turn that asks what the pack answers, with the rest of the turn beside it ("Can I get
    someone out next week? And how much is your call-out fee?", or the same with "and how much" where Whisper wrote
    no full stop, `_clauses`): the answer, the question, and the rest, a request still to take. Empty for a turn
    of one sentence or one that only asks."""
    sentences = [p for s in _SENTENCE_END.split(text.strip()) for p in _clauses(s)]
    found = []
    for k, sentence in enumerate(sentences):
        answer = info_answer(pack, sentence) if asks_question(sentence) else None
        rest = " ".join(_JOINING.sub("", s) for s in sentences[:k] + sentences[k + 1 :])
        if answer is not None and len(fold(rest).split()) >= 4:
            found.append((answer, sentence, rest))
    return found


_RELATIVE_DE = (
    r"(tochter|sohn|mann|frau|enkel\w*|nachbar\w*|kolleg\w*|chef\w*|mutter|mama|vater|papa|schwester|bruder"
    r"|freund\w*|partner\w*|betreuer\w*|pfleger\w*|schwiegertochter|schwiegersohn|nichte|neffe)"
)
_RELATIVE_EN = (
    r"(daughter|son|husband|wife|grandson|granddaughter|grandchild|neighbou?r|colleague|boss|mum|mom|mother|dad"
    r"|father|sister|brother|partner|friend|carer|nephew|niece|son in law|daughter in law)"
)
# the caller hands the phone to someone else: "ich geb Ihnen mal meine Tochter", "Moment, ich geb sie Ihnen mal",
# "mein Sohn erklärt Ihnen das", "I'll pass you to my daughter", "let me put my husband on", "my son will explain"
_HANDS_OVER = re.compile(
    fold_pattern(
        rf"\bich (geb|gebe|reich|reiche) (ihnen|sie|dich) (\w+ ){{0,2}}(an |weiter an |rueber an |mal an )?"
        rf"(meine|meinen|meinem|unsere|unseren|die|den) (\w+ )?{_RELATIVE_DE}\b"
        r"|\bich (geb|gebe|reich|reiche) (sie|ihn|es) ihnen\b(?! (zurueck|durch|die nummer))"
        r"|\bich (geb|gebe|reich|reiche) (sie|ihnen|dich) (mal |jetzt |gleich |kurz )?weiter\b"
        r"(?! an (die|den) (kollegen|mitarbeiter))"
        rf"|\bich (hol|hole) (ihnen )?(mal |schnell |kurz )?(meine|meinen) (\w+ )?{_RELATIVE_DE}\b(?! ab\b)"
        rf"|\b(meine|mein) {_RELATIVE_DE} (erklaert|erzaehlt|sagt|uebernimmt|spricht) (ihnen )?"
        r"(das|es|jetzt|mal|weiter)"
        rf"|\b(hier|jetzt) (kommt|spricht) (meine|mein) {_RELATIVE_DE}\b"
        rf"|\b(i ll|i will|let me|i m going to|i m gonna|gonna) (just )?(pass|hand|put) you (over |across )?(on )?to"
        rf" (my|our|the) (\w+ )?{_RELATIVE_EN}\b"
        rf"|\b(i ll|i will|let me) (just )?(put|get|fetch) (my|our|the) (\w+ )?{_RELATIVE_EN}\b(?! to (call|ring))"
        r"|\b(i ll|i will|let me) (just )?(put|pass) (her|him|them) (on|over)\b"
        rf"|\bmy {_RELATIVE_EN} (will|ll|can|is going to|s going to) (explain|tell you|talk to you|speak to you"
        r"|take over|deal with)"
        rf"|\b(here s|here is|this is) my {_RELATIVE_EN}(,| now| for you| to explain| he| she| who)"
    )
)


def hands_over(text: str) -> bool:
    """The caller gives the phone to someone else ("ich geb Ihnen mal meine Tochter", "Moment, ich geb sie Ihnen
    mal", "I'll pass you to my daughter", "hang on, my son will explain"): someone new speaks next."""
    return bool(_HANDS_OVER.search(fold(text)))


def takes_it(text: str) -> int | None:
    """ "Gut, den nehme ich.", "OK, I'll take that one." to "anything else?" in an order: the item just named is
    what the caller wants, nothing more; how many (one unless a number is said), or None for anything else."""
    return orders_the_one_asked(text)

#!/usr/bin/env python3
# ruff: noqa: E501  (template and utterance lines are data; they stay one per line)
"""Build the labelled triage corpus: `python data/generate.py` writes data/corpus.jsonl.

Standalone and deterministic (fixed seed, standard library only, no set/dict-order dependence
on hash randomisation). Labels follow the contract in PRODUCT.md ("Triage labels"); the rules
chosen for ambiguous cases are listed in data/README.md and in LABEL RULES below.

Two sources of rows:
  * TEMPLATES_DE / TEMPLATES_EN: blocks of templates. A block header
        @ <clients> <urgency 0-4> <intent> <distress> [h] [b] [x=N]
    sets the labels of every template below it. <clients> are letters (S sanitaer-notdienst,
    A apotheke-am-markt, K kanzlei-berg, W sicherheitsdienst-nord, I it-service-hansa,
    N no client) or * for all six. <distress> is one fixed letter (n/e/a: the text itself
    carries it) or a weighted mixture such as n5e3a2 (e/a are then added by a distress phrase
    at the start or end of the turn). h marks hard negatives (alarming words, harmless meaning),
    b marks bare turns (no greeting/closing/rambling added), x=N rows per template
    (default: see default_rows).
    A template line is `key | text`; [a|b|c] picks one alternative, {slot} / {slot.form}
    fills from the slot tables. Every template is one group.
  * HANDWRITTEN_DE / HANDWRITTEN_EN: natural utterances written one by one, not produced by
    a template. `== key [h]` starts a family (one group); a line is
        <urgency 0-4> <intent> <distress n/e/a> <client letter> [h] | text

LABEL RULES (ambiguous cases)
  * intent when an emergency comes with another request: urgency P0/P1 -> report_problem,
    always (the emergency is what the call is about), including "I want a human, it's burning".
  * request_human: an explicit wish to talk to a person (also a named person: "kann ich Herrn
    Berg sprechen") wins over every other intent below P1. "Please tell X to call me back"
    is leave_message.
  * appointment vs report_problem: describing a fault ("send someone") is report_problem;
    asking to book / move / cancel a date (maintenance, consultation, guard booking, or a
    routine P2/P3 job with explicit "Termin"/"appointment") is appointment.
  * order_status asks where/when ("wo bleibt", "is it ready") even when annoyed (distress
    elevated); complaint is dissatisfaction with a past service, product or invoice.
    A plain invoice question is information; a quote request is information.
  * P4 is always intent other. "other" below P4 (P3) is a real caller with an unclear aim,
    small talk or a question about the bot itself.
  * distress follows what the caller expresses (upset/angry/anxious -> elevated; panic,
    crying, hopelessness, self-harm -> acute); a plain factual emergency report is none. A threat to the caller's life or someone with
    them (fire in the home, intruder in the home, violence, a person collapsed / not
    breathing) is acute even when told calmly. Hopelessness or self-harm is P0 acute.
  * heating: total loss in cold weather (or no season given) P1; in summer P3, or P2 when hot
    water is also gone. No hot water alone P2. No water at all P1.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SEED = 20261126
TEST_SHARE = 0.15
HANDWRITTEN_CHUNK = 6
HERE = Path(__file__).resolve().parent

CLIENTS = {
    "S": "sanitaer-notdienst",
    "A": "apotheke-am-markt",
    "K": "kanzlei-berg",
    "W": "sicherheitsdienst-nord",
    "I": "it-service-hansa",
    "N": None,
}
INTENTS = {
    "rp": "report_problem",
    "po": "place_order",
    "os": "order_status",
    "ap": "appointment",
    "lm": "leave_message",
    "in": "information",
    "co": "complaint",
    "rh": "request_human",
    "ot": "other",
}
URGENCIES = ("P0", "P1", "P2", "P3", "P4")
DISTRESSES = {"n": "none", "e": "elevated", "a": "acute"}
INTENT_ORDER = tuple(INTENTS.values())
DISTRESS_ORDER = tuple(DISTRESSES.values())
CLIENT_ORDER = tuple(c or "(none)" for c in CLIENTS.values())


# ----------------------------------------------------------------------------------------------
# speech-recognition style: fillers, repetitions, misspellings
# ----------------------------------------------------------------------------------------------

# fmt: off
FILLERS = {
    "de": {
        "start": ["äh", "ähm", "also", "ja also", "öh", "hm", "na ja", "ja", "ähm also", "jaa", "so", "ach so"],
        "mid": ["äh", "äh", "ähm", "ähm", "also", "hm", "äh äh", "ja", "halt", "ähm also"],
    },
    "en": {
        "start": ["uh", "um", "so", "well", "okay so", "uh so", "yeah", "hi um", "um yeah", "like", "er"],
        "mid": ["uh", "uh", "um", "um", "like", "you know", "i mean", "uh uh", "er", "um so"],
    },
}

# words the noise must never damage (negation and tense carry the label)
PROTECTED = {
    "nicht", "kein", "keine", "keinen", "keiner", "nichts", "nie", "niemand", "nein", "not", "no",
    "never", "nothing", "nobody", "isn't", "don't", "didn't", "wasn't", "aren't", "doesn't",
    "letzte", "letzten", "gestern", "last", "yesterday", "wieder", "again", "jetzt", "now",
    "gas", "feuer", "fire", "smoke", "rauch", "brennt", "burning", "blut", "blood",
}

CONFUSIONS = {
    "de": {
        "das": ["dass"], "dass": ["das"], "seit": ["seid"], "wieder": ["wider"], "mal": ["mahl", "ma"],
        "ist": ["is"], "nicht": ["nich", "net"], "haben": ["ham"], "eine": ["ne"], "einen": ["nen"],
        "ein": ["n"], "habe": ["hab"], "gehen": ["gehn"], "sehen": ["sehn"], "heute": ["heut"],
        "rohrbruch": ["rohbruch", "rohrbuch"], "keller": ["kella"], "wasser": ["wassa"],
        "heizung": ["heitzung"], "bitte": ["bite"], "toilette": ["toilete"], "wohnung": ["wohnug"],
        "jemanden": ["jemand"], "schnell": ["schnel"], "gleich": ["gleisch"], "termin": ["thermin"],
        "bestellen": ["bestelln"], "rezept": ["rezet"], "verstopft": ["verstoppt"], "und": ["un"],
        "dann": ["dan"], "schon": ["scho"], "ich": ["ick"], "auch": ["och"], "was": ["wat"],
    },
    "en": {
        "their": ["there"], "there": ["their"], "to": ["too"], "your": ["you're"], "you're": ["your"],
        "its": ["it's"], "it's": ["its"], "leak": ["leek"], "going": ["goin"], "want": ["wanna"],
        "prescription": ["perscription", "prescripton"], "basement": ["basemen"],
        "heating": ["heatin"], "water": ["wader"], "bathroom": ["bathrom"], "them": ["em"],
        "because": ["cause", "cuz"], "okay": ["ok", "k"], "about": ["bout"], "could": ["coud"],
        "appointment": ["apointment"], "technician": ["technishan"], "pipe": ["pipes"],
        "ransomware": ["ransom where"], "server": ["sever"], "pharmacy": ["farmacy"],
    },
}

SPLITS = {
    "de": {
        "wasserrohrbruch": ["wasser rohrbruch", "wasserrohr bruch"], "rohrbruch": ["rohr bruch"],
        "heizungsausfall": ["heizungs ausfall", "heizung ausfall"], "abwasserrückstau": ["abwasser rückstau"],
        "warmwasser": ["warm wasser"], "rauchmelder": ["rauch melder"], "feuerlöscher": ["feuer löscher"],
        "notdienst": ["not dienst"], "hauptwasserhahn": ["haupt wasserhahn"], "wasserhahn": ["wasser hahn"],
        "kohlenmonoxid": ["kohlen monoxid"], "gastherme": ["gas therme"], "alarmanlage": ["alarm anlage"],
        "hausdurchsuchung": ["haus durchsuchung"], "heizkörper": ["heiz körper"], "badezimmer": ["bade zimmer"],
        "spülkasten": ["spül kasten"], "lösegeldforderung": ["lösegeld forderung"], "gasgeruch": ["gas geruch"],
        "bewegungsmelder": ["bewegungs melder"], "durchsuchungsbeschluss": ["durchsuchungs beschluss"],
        "wohnzimmer": ["wohn zimmer"], "waschmaschine": ["wasch maschine"], "sicherungskasten": ["sicherungs kasten"],
    },
    "en": {
        "basement": ["base ment"], "bathroom": ["bath room"], "upstairs": ["up stairs"],
        "anything": ["any thing"], "someone": ["some one"], "ransomware": ["ransom ware"],
        "everything": ["every thing"], "downstairs": ["down stairs"], "somebody": ["some body"],
        "firewall": ["fire wall"], "outage": ["out age"], "tomorrow": ["to morrow"],
    },
}
MERGES = {
    "de": {
        "zu hause": "zuhause", "nach hause": "nachhause", "so viel": "soviel", "wc sitz": "wcsitz",
        "co melder": "comelder", "e mail": "email", "gar nicht": "garnicht", "gar kein": "garkein",
        "ist es": "isses", "haben sie": "hamse", "kann ich": "kannich", "gibt es": "gibts",
        "wie viel": "wieviel", "heute abend": "heuteabend", "warmes wasser": "warmeswasser",
    },
    "en": {
        "a lot": "alot", "smoke detector": "smokedetector", "no one": "noone", "going to": "gonna",
        "want to": "wanna", "kind of": "kinda", "got to": "gotta", "let me": "lemme", "e mail": "email",
        "out of": "outta", "hot water": "hotwater",
    },
}

PUNCT_RE = re.compile(r"[.,!?;:\"()…–—/]")
SPACE_RE = re.compile(r"\s+")
# fmt: on


def strip_punct(text: str, lang: str) -> str:
    text = text.replace("-", " ")
    if lang == "de":
        text = text.replace("'", "")  # "brennt's" is written brennts by most recognisers
    text = PUNCT_RE.sub(" ", text)
    return SPACE_RE.sub(" ", text).strip()


def asciify(text: str) -> str:
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return text


def noise_once(words: list[str], lang: str, rng: random.Random) -> list[str]:
    """One speech-recognition slip: a dropped letter, a misheard word, a split or merged compound."""
    op = rng.choice(["drop", "confuse", "confuse", "split", "merge"])
    idx = list(range(len(words)))
    rng.shuffle(idx)
    if op == "drop":
        for i in idx:
            w = words[i]
            if len(w) >= 6 and w.isalpha() and w not in PROTECTED:
                j = rng.randrange(1, len(w) - 1)
                words[i] = w[:j] + w[j + 1 :]
                return words
    if op == "confuse":
        for i in idx:
            alts = CONFUSIONS[lang].get(words[i])
            if alts:
                words[i] = rng.choice(alts)
                return words
    if op in ("split", "drop", "confuse"):
        for i in idx:
            alts = SPLITS[lang].get(words[i])
            if alts:
                words[i] = rng.choice(alts)
                return words
    text = " ".join(words)
    keys = sorted(MERGES[lang])
    rng.shuffle(keys)
    for k in keys:
        if re.search(rf"\b{re.escape(k)}\b", text):
            return re.sub(rf"\b{re.escape(k)}\b", MERGES[lang][k], text, count=1).split()
    return words


def insert_fillers(words: list[str], lang: str, rng: random.Random, n: int) -> list[str]:
    for _ in range(n):
        if not words or rng.random() < 0.45:
            words = rng.choice(FILLERS[lang]["start"]).split() + words
        else:
            pos = rng.randrange(1, len(words) + 1)
            words = words[:pos] + rng.choice(FILLERS[lang]["mid"]).split() + words[pos:]
    return words


def repeat_some(words: list[str], rng: random.Random) -> list[str]:
    if len(words) < 3:
        return words + words[-1:] if words and rng.random() < 0.5 else words
    pos = rng.randrange(0, max(1, len(words) // 2))
    span = 2 if rng.random() < 0.35 and pos + 2 <= len(words) else 1
    return words[: pos + span] + words[pos : pos + span] + words[pos + span :]


def capitalise_sentences(text: str) -> str:
    out = []
    cap = True
    for ch in text:
        if cap and ch.isalpha():
            out.append(ch.upper())
            cap = False
        else:
            out.append(ch)
        if ch in ".!?":
            cap = True
    return "".join(out)


# German words that are written lower case after a comma (everything else may be a noun: keep it)
_DE_LOWER_WORDS = (
    "es ich wir bei der die das den dem des unser unsere unserem unseren unserer mein meine meinem meinen "
    "meiner ein eine einen einem im in auf aus kann können könnten haben hallo ja nein da hier seit kein "
    "keine nichts wo wie was wann welche welcher ist sind mir mich jetzt heute eigentlich kurze also bitte "
    "verbinden gibt gibts machen muss sagen richten geben wenn nach oh ihr ihre ihren ihrem am um zum zur kurz "
    "eben gerade dies achtung herzlichen guten hat einmal jemand mit sorry test eins kommen darf würde "
    "hätte bräuchte brauche möchte will wollte ruf rufe sollte geht läuft riecht brennt qualmt schnell alle "
    "alles entschuldigung danke vielen schönen moin komplette ach bin hab habe wurde "
    "wurden kam kommt steht stehen liegt so dann aber und oder schon noch"
)
DE_LOWER_AFTER_COMMA = set(_DE_LOWER_WORDS.split())


def decap(text: str, lang: str) -> str:
    """Lower-case the first word of a clause that follows a comma, where the language wants it."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    bare = first.strip(",.!?").lower()
    if lang == "en":
        if bare in ("i", "i'm", "i've", "i'd", "i'll") or (first[:1].isupper() and first[1:2].isupper()):
            return text
        return text[0].lower() + text[1:]
    if bare in DE_LOWER_AFTER_COMMA:
        return text[0].lower() + text[1:]
    return text


def asr_style(text: str, lang: str, rng: random.Random, strength: float = 1.0) -> str:
    """Turn a written turn into what a recogniser writes. strength 0 keeps it almost as written."""
    if rng.random() < 0.2 + 0.1 * (1 - strength):
        # some rows keep casing and punctuation (recognisers with punctuation models)
        text = capitalise_sentences(text)
        if rng.random() < 0.3 * strength:
            f = rng.choice(FILLERS[lang]["start"])
            text = f[0].upper() + f[1:] + ", " + decap(text, lang)
        if lang == "en":
            text = re.sub(r"\bi\b", "I", text)
            text = re.sub(r"\bi'", "I'", text)
        if lang == "de" and rng.random() < 0.06:
            text = text.replace("ß", "ss")
        return text
    words = strip_punct(text.lower(), lang).split()
    if rng.random() < 0.5 * strength:
        words = insert_fillers(words, lang, rng, 1 if rng.random() < 0.7 else 2)
    if rng.random() < 0.18 * strength:
        words = repeat_some(words, rng)
    if rng.random() < 0.35 * strength:
        words = noise_once(words, lang, rng)
        if rng.random() < 0.2:
            words = noise_once(words, lang, rng)
    text = " ".join(words)
    if lang == "de":
        r = rng.random()
        if r < 0.07 * strength:
            text = asciify(text)
        elif r < 0.17 * strength:
            text = text.replace("ß", "ss")
    elif rng.random() < 0.25 * strength:
        text = text.replace("'", "")
    return text


def norm_key(text: str) -> str:
    """Duplicate key: case, punctuation, spelling of umlauts and spacing do not count."""
    t = asciify(text.lower())
    t = re.sub(r"[^a-z0-9]+", "", t)
    return t


# ----------------------------------------------------------------------------------------------
# slot fillers
# ----------------------------------------------------------------------------------------------

# fmt: off
DE_SURNAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
    "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Jansen",
    "Petersen", "Hansen", "Yilmaz", "Kaya", "Nowak", "Kowalski", "Öztürk", "Ahmadi", "Popescu",
    "Friedrichs", "Claußen", "Janßen", "Nielsen", "Brandt", "Voß", "Carstensen", "Thiele",
]
DE_FIRST = [
    "Anna", "Thomas", "Sabine", "Michael", "Petra", "Jürgen", "Claudia", "Stefan", "Monika",
    "Andreas", "Julia", "Tobias", "Leonie", "Mehmet", "Ayse", "Katarzyna", "Jens", "Birgit", "Heike",
    "Uwe", "Dirk", "Karin", "Lukas", "Marie", "Finn", "Svenja", "Ole", "Gerda", "Hannelore", "Kevin",
]
EN_SURNAMES = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright",
    "Miller", "Walker", "Thompson", "Evans", "Roberts", "Green", "Hall", "Wood", "Clarke", "Khan",
    "Murphy", "Kelly", "Nguyen", "Garcia", "Rossi", "Novak", "Anderson", "Lee", "Martin", "Cooper",
]
EN_FIRST = [
    "James", "Sarah", "David", "Emma", "Michael", "Laura", "Chris", "Olivia", "Daniel", "Sophie",
    "Tom", "Rachel", "Mark", "Hannah", "Raj", "Priya", "Kevin", "Megan", "Luca", "Anna", "Ben", "Amy",
]
DE_STREETS = [
    "Lindenstraße", "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulweg", "Mühlenweg",
    "Kirchstraße", "Hafenstraße", "Rosenweg", "Am Markt", "Eichenallee", "Osterstraße",
    "Fuhlsbüttler Straße", "Holstenstraße", "Wandsbeker Chaussee", "Friedrich-Ebert-Damm",
    "Bergstraße", "Feldstraße", "Am Deich", "Kieler Straße", "Große Elbstraße", "Dorfstraße",
    "Poststraße", "Wiesenweg", "Birkenweg", "Schillerstraße", "Goethestraße", "Lübecker Straße",
]
CITIES = [
    "Hamburg", "Bremen", "Kiel", "Lübeck", "Norderstedt", "Pinneberg", "Ahrensburg", "Buxtehude",
    "Stade", "Elmshorn", "Wedel", "Oldenburg", "Cuxhaven", "Flensburg", "Bad Oldesloe",
]
DIGITS_DE = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
DIGITS_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _street(rng: random.Random) -> str:
    n = str(rng.randint(1, 140))
    if rng.random() < 0.12:
        n += rng.choice("ab")
    return f"{rng.choice(DE_STREETS)} {n}"


def _phone(words: list[str]):
    def make(rng: random.Random) -> str:
        prefix = rng.choice(["0171", "0152", "0160", "040", "0421", "0431", "0176", "0157"])
        rest = "".join(str(rng.randint(0, 9)) for _ in range(rng.randint(6, 8)))
        if rng.random() < 0.3:
            return " ".join(words[int(d)] for d in prefix + rest)
        if rng.random() < 0.5:
            return f"{prefix} {rest[:3]} {rest[3:]}"
        return f"{prefix} {rest}"

    return make


def _fam_de(nom: str, dat: str, akk: str, er: str, ihm: str, sein: str) -> dict:
    return {"nom": nom, "dat": dat, "akk": akk, "er": er, "ihm": ihm, "sein": sein, "ihn": "ihn" if er == "er" else "sie"}


DE_FAM = [
    _fam_de("mein Mann", "meinem Mann", "meinen Mann", "er", "ihm", "sein"),
    _fam_de("meine Frau", "meiner Frau", "meine Frau", "sie", "ihr", "ihr"),
    _fam_de("mein Vater", "meinem Vater", "meinen Vater", "er", "ihm", "sein"),
    _fam_de("meine Mutter", "meiner Mutter", "meine Mutter", "sie", "ihr", "ihr"),
    _fam_de("mein Sohn", "meinem Sohn", "meinen Sohn", "er", "ihm", "sein"),
    _fam_de("meine Tochter", "meiner Tochter", "meine Tochter", "sie", "ihr", "ihr"),
    _fam_de("mein Opa", "meinem Opa", "meinen Opa", "er", "ihm", "sein"),
    _fam_de("meine Oma", "meiner Oma", "meine Oma", "sie", "ihr", "ihr"),
    _fam_de("mein Nachbar", "meinem Nachbarn", "meinen Nachbarn", "er", "ihm", "sein"),
    _fam_de("meine Nachbarin", "meiner Nachbarin", "meine Nachbarin", "sie", "ihr", "ihr"),
    _fam_de("mein Kollege", "meinem Kollegen", "meinen Kollegen", "er", "ihm", "sein"),
    _fam_de("meine Kollegin", "meiner Kollegin", "meine Kollegin", "sie", "ihr", "ihr"),
    _fam_de("mein Mitbewohner", "meinem Mitbewohner", "meinen Mitbewohner", "er", "ihm", "sein"),
    _fam_de("meine Schwester", "meiner Schwester", "meine Schwester", "sie", "ihr", "ihr"),
    _fam_de("mein Bruder", "meinem Bruder", "meinen Bruder", "er", "ihm", "sein"),
]
DE_KID = [
    _fam_de("mein Sohn", "meinem Sohn", "meinen Sohn", "er", "ihm", "sein"),
    _fam_de("meine Tochter", "meiner Tochter", "meine Tochter", "sie", "ihr", "ihr"),
    _fam_de("mein Kleiner", "meinem Kleinen", "meinen Kleinen", "er", "ihm", "sein"),
    _fam_de("meine Kleine", "meiner Kleinen", "meine Kleine", "sie", "ihr", "ihr"),
    _fam_de("mein Enkel", "meinem Enkel", "meinen Enkel", "er", "ihm", "sein"),
    _fam_de("meine Enkelin", "meiner Enkelin", "meine Enkelin", "sie", "ihr", "ihr"),
]


def _fam_en(nom: str, he: str, him: str, his: str) -> dict:
    return {"nom": nom, "he": he, "him": him, "his": his}


EN_FAM = [
    _fam_en("my husband", "he", "him", "his"), _fam_en("my wife", "she", "her", "her"),
    _fam_en("my dad", "he", "him", "his"), _fam_en("my mum", "she", "her", "her"),
    _fam_en("my mom", "she", "her", "her"), _fam_en("my son", "he", "him", "his"),
    _fam_en("my daughter", "she", "her", "her"), _fam_en("my grandad", "he", "him", "his"),
    _fam_en("my grandma", "she", "her", "her"), _fam_en("my neighbour", "he", "him", "his"),
    _fam_en("my flatmate", "she", "her", "her"), _fam_en("my colleague", "he", "him", "his"),
    _fam_en("my partner", "she", "her", "her"), _fam_en("my boyfriend", "he", "him", "his"),
    _fam_en("my brother", "he", "him", "his"), _fam_en("my sister", "she", "her", "her"),
]
EN_KID = [
    _fam_en("my son", "he", "him", "his"), _fam_en("my daughter", "she", "her", "her"),
    _fam_en("my little boy", "he", "him", "his"), _fam_en("my little girl", "she", "her", "her"),
    _fam_en("my toddler", "he", "him", "his"), _fam_en("the baby", "she", "her", "her"),
]


def _vital_de(nom: str, ist: str, akk: str) -> dict:
    return {"nom": nom, "ist": ist, "akk": akk}


DE_VITAL = [
    _vital_de("mein Insulin", "ist", "mein Insulin"),
    _vital_de("meine Epilepsie-Tabletten", "sind", "meine Epilepsie-Tabletten"),
    _vital_de("mein Asthmaspray", "ist", "mein Asthmaspray"),
    _vital_de("mein Notfallspray", "ist", "mein Notfallspray"),
    _vital_de("meine Herztabletten", "sind", "meine Herztabletten"),
    _vital_de("das Parkinson-Medikament von meinem Vater", "ist", "das Parkinson-Medikament von meinem Vater"),
    _vital_de("meine Tabletten nach der Transplantation", "sind", "meine Tabletten nach der Transplantation"),
    _vital_de("das Insulin von meiner Tochter", "ist", "das Insulin von meiner Tochter"),
    _vital_de("das Blutverdünnungsmittel von meiner Mutter", "ist", "das Blutverdünnungsmittel von meiner Mutter"),
    _vital_de("das Schmerzpflaster von meiner Oma", "ist", "das Schmerzpflaster von meiner Oma"),
]
EN_VITAL = [
    {"nom": "my insulin", "is": "is"}, {"nom": "my epilepsy tablets", "is": "are"},
    {"nom": "my inhaler", "is": "is"}, {"nom": "my heart medication", "is": "is"},
    {"nom": "my daughter's insulin", "is": "is"}, {"nom": "my dad's parkinson's medication", "is": "is"},
    {"nom": "my transplant meds", "is": "are"}, {"nom": "my mum's blood thinners", "is": "are"},
    {"nom": "my son's seizure medication", "is": "is"}, {"nom": "my anti rejection tablets", "is": "are"},
]


def _site_de(nom: str, dat: str) -> dict:
    akk = "den " + nom[4:] if nom.startswith("der ") else nom
    return {"nom": nom, "dat": dat, "akk": akk}


DE_SITES = [
    _site_de("das Lager in der Hafenstraße", "dem Lager in der Hafenstraße"),
    _site_de("die Baustelle am Mühlenweg", "der Baustelle am Mühlenweg"),
    _site_de("das Autohaus Krüger", "dem Autohaus Krüger"),
    _site_de("das Objekt in der Lindenstraße", "dem Objekt in der Lindenstraße"),
    _site_de("unser Bürogebäude", "unserem Bürogebäude"),
    _site_de("die Halle drei im Gewerbegebiet", "der Halle drei im Gewerbegebiet"),
    _site_de("der Supermarkt in der Bahnhofstraße", "dem Supermarkt in der Bahnhofstraße"),
    _site_de("die Schule am Deich", "der Schule am Deich"),
    _site_de("das Logistikzentrum in Stade", "dem Logistikzentrum in Stade"),
    _site_de("die Tankstelle an der Kieler Straße", "der Tankstelle an der Kieler Straße"),
    _site_de("unsere Filiale in Pinneberg", "unserer Filiale in Pinneberg"),
    _site_de("das Rechenzentrum in Norderstedt", "dem Rechenzentrum in Norderstedt"),
]
EN_SITES = [
    "the warehouse on hafenstrasse", "the building site on muehlenweg", "our office building",
    "the car dealership", "hall three in the industrial park", "the supermarket on bahnhofstrasse",
    "our shop in pinneberg", "the logistics centre in stade", "the data centre in norderstedt",
    "the school by the dike", "our storage unit", "the marina office",
]

SLOTS: dict[str, dict[str, object]] = {
    "de": {
        "name": DE_SURNAMES,
        "vorname": DE_FIRST,
        "fullname": lambda rng: f"{rng.choice(DE_FIRST)} {rng.choice(DE_SURNAMES)}",
        "street": _street,
        "city": CITIES,
        "phone": _phone(DIGITS_DE),
        "in_room": [
            "in der Küche", "im Bad", "im Badezimmer", "im Keller", "im Flur", "im Wohnzimmer",
            "im Schlafzimmer", "im Gäste-WC", "in der Waschküche", "im Hauswirtschaftsraum",
            "im Kinderzimmer", "unterm Dach", "im Heizungskeller", "in der Abstellkammer",
        ],
        "floor": [
            "im Erdgeschoss", "im ersten Stock", "im zweiten Stock", "im dritten Stock",
            "im Dachgeschoss", "im Souterrain", "ganz oben", "im vierten Stock",
        ],
        "fam": DE_FAM,
        "kid": DE_KID,
        "since": [
            "seit heute Morgen", "seit gestern Abend", "seit einer Stunde", "seit heute Nacht",
            "seit zwei Tagen", "seit heute Mittag", "seit dem Wochenende", "seit gestern",
            "seit vorhin", "seit heute früh",
        ],
        "ago": [
            "vor einer Stunde", "gerade eben", "vor zehn Minuten", "vor fünf Minuten", "eben grade",
            "vor einer halben Stunde", "gerade",
        ],
        "past": [
            "letzte Woche", "vorletzte Woche", "letzten Monat", "im Januar", "vor drei Wochen",
            "am Montag", "neulich", "vor zwei Wochen", "im Herbst", "letztes Jahr", "vorgestern",
        ],
        "future": [
            "morgen früh", "morgen Nachmittag", "nächste Woche", "am Montag", "am Donnerstag",
            "übermorgen", "Anfang nächster Woche", "am Freitagvormittag", "nächsten Dienstag",
            "in zwei Wochen", "am Mittwoch", "Ende des Monats",
        ],
        "clock": [
            "um zehn Uhr", "gegen 14 Uhr", "um halb drei", "um Viertel nach neun", "am späten Nachmittag",
            "um 8 Uhr 30", "gegen Mittag", "um 16 Uhr", "am Vormittag", "so gegen elf",
        ],
        "weekday": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
        "cold": [
            "minus fünf Grad", "minus zehn Grad", "minus zwei Grad", "unter null Grad", "Minusgrade",
            "minus acht Grad", "gerade mal null Grad", "minus zwölf Grad",
        ],
        "indoor": ["zwölf Grad", "vierzehn Grad", "elf Grad", "13 Grad", "gerade mal 15 Grad", "zehn Grad"],
        "deep": ["fünf Zentimeter", "zehn Zentimeter", "knöchelhoch", "zwanzig Zentimeter", "richtig hoch"],
        "part": [
            "eine neue Dichtung für den Wasserhahn", "einen Duschkopf", "einen neuen Siphon",
            "ein Reparaturset für den Spülkasten", "einen Thermostatkopf", "zwei Thermostatköpfe",
            "einen WC-Sitz", "einen Perlator", "ein Eckventil", "einen Entlüftungsschlüssel",
            "einen neuen Brauseschlauch", "eine Mischbatterie für die Küche", "zwei Eckventile",
            "einen Abflussstopfen", "eine Rohrreinigungsspirale", "einen Spülkastendrücker",
            "drei Heizkörperentlüfter", "eine Duschstange",
        ],
        "appl": [
            {"nom": "die Waschmaschine", "dat": "der Waschmaschine"},
            {"nom": "der Geschirrspüler", "dat": "dem Geschirrspüler"},
            {"nom": "der Boiler", "dat": "dem Boiler"},
            {"nom": "der Warmwasserspeicher", "dat": "dem Warmwasserspeicher"},
            {"nom": "die Spülmaschine", "dat": "der Spülmaschine"},
            {"nom": "der Durchlauferhitzer", "dat": "dem Durchlauferhitzer"},
        ],
        "apo": [
            "eine Packung Ibuprofen 400", "zwei Packungen Paracetamol", "Nasenspray für Kinder",
            "eine Packung Aspirin", "ein Fieberthermometer", "Hustensaft", "eine große Packung Pflaster",
            "Magnesiumtabletten", "Vitamin-D-Tropfen", "eine Blutdruckmanschette", "Kompressionsstrümpfe",
            "Lutschtabletten gegen Halsschmerzen", "Zinksalbe", "ein Mittel gegen Sodbrennen",
            "Tabletten gegen Heuschnupfen", "Desinfektionsmittel", "eine Wärmflasche",
            "Teststreifen für mein Blutzuckermessgerät", "Fiebersaft für Kinder", "Voltaren Schmerzgel",
            "Omeprazol 20", "Elektrolyt-Pulver", "Augentropfen", "Lorano gegen Allergie",
        ],
        "rx": [
            {"nom": "mein Blutdruckmittel", "dat": "meinem Blutdruckmittel"},
            {"nom": "die Pille", "dat": "der Pille"},
            {"nom": "mein Schilddrüsenmedikament", "dat": "meinem Schilddrüsenmedikament"},
            {"nom": "die Antibiotika für meine Tochter", "dat": "den Antibiotika für meine Tochter"},
            {"nom": "mein Cholesterinmittel", "dat": "meinem Cholesterinmittel"},
            {"nom": "die Salbe vom Hautarzt", "dat": "der Salbe vom Hautarzt"},
            {"nom": "die Tabletten von der Kinderärztin", "dat": "den Tabletten von der Kinderärztin"},
            {"nom": "das Cortison-Spray", "dat": "dem Cortison-Spray"},
            {"nom": "mein Eisenpräparat", "dat": "meinem Eisenpräparat"},
            {"nom": "die Schmerztabletten für meinen Mann", "dat": "den Schmerztabletten für meinen Mann"},
        ],
        "vital": DE_VITAL,
        "doctor": ["Dr. Wagner", "Dr. Özdemir", "Frau Dr. Hansen", "dem Hausarzt", "der Kinderärztin"],
        "lawyer": [
            "Herrn Berg", "Frau Dr. Berg", "Herrn Rechtsanwalt Berg", "Frau Kaya", "Herrn Dr. Lindner",
            "Frau Petersen", "Herrn Jansen",
        ],
        "legal": [
            "meiner Kündigung", "meiner Scheidung", "dem Mietstreit", "der Erbschaft", "dem Verkehrsunfall",
            "dem Bußgeldbescheid", "meinem Arbeitsvertrag", "dem Unterhalt", "der Abmahnung",
            "dem Kaufvertrag", "dem Testament meiner Mutter", "der Räumungsklage",
        ],
        "akte": lambda rng: f"{rng.randint(12, 990)}/{rng.choice(['23', '24', '25', '26'])}",
        "site": DE_SITES,
        "firm": [
            "die Bäckerei Schulz", "die Praxis Dr. Wagner", "das Steuerbüro Lange", "das Autohaus Krüger",
            "die Spedition Hansen", "das Architekturbüro Voß", "die Zahnarztpraxis Köhler", "die Firma Brandt",
        ],
        "hw": [
            "drei neue Laptops", "einen zweiten Monitor", "zwei Tonerkartuschen für den Drucker",
            "eine Docking-Station", "fünf Headsets", "eine neue Tastatur und Maus", "einen WLAN-Router",
            "eine externe Festplatte für die Backups", "zwei Office-Lizenzen", "einen neuen Drucker",
            "ein Notebook für die neue Kollegin", "zehn USB-Sticks", "einen Switch mit 24 Ports",
            "zwei Webcams", "einen neuen Server",
        ],
        "secitem": [
            "zwei Feuerlöscher", "Rauchmelder für das ganze Büro", "einen Feuerlöscher fürs Lager",
            "zusätzliche Kameras", "einen neuen Handsender für die Alarmanlage", "zehn Rauchmelder",
            "Ersatzbatterien für die Rauchmelder", "ein Schlüsseldepot", "einen CO-Melder",
            "eine Löschdecke für die Teeküche", "Feuerlöscher für die Werkstatt",
        ],
        "event": [
            "unser Firmenfest", "ein Konzert", "die Weihnachtsfeier", "einen Flohmarkt", "das Stadtfest",
            "eine Hochzeit", "die Messe", "ein Fußballturnier", "die Eröffnung von unserem Laden",
        ],
        "n": ["zwei", "drei", "vier", "fünf", "sechs", "zehn", "zwölf", "zwanzig", "15", "30"],
        "month": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        "day": [str(i) for i in range(1, 29)],
    },
    "en": {
        "name": EN_SURNAMES,
        "first": EN_FIRST,
        "fullname": lambda rng: f"{rng.choice(EN_FIRST)} {rng.choice(EN_SURNAMES)}",
        "street": _street,
        "city": CITIES,
        "phone": _phone(DIGITS_EN),
        "room": [
            "kitchen", "bathroom", "basement", "hallway", "living room", "bedroom", "utility room",
            "attic", "laundry room", "downstairs toilet", "kids' room", "cellar", "boiler room",
        ],
        "floor": ["ground floor", "first floor", "second floor", "third floor", "top floor", "fourth floor"],
        "fam": EN_FAM,
        "kid": EN_KID,
        "since": [
            "since this morning", "since last night", "for an hour", "since yesterday", "for two days",
            "since lunchtime", "since the weekend", "for a couple of hours", "since about six",
        ],
        "ago": ["an hour ago", "just now", "ten minutes ago", "a minute ago", "half an hour ago", "just"],
        "past": [
            "last week", "the week before last", "last month", "in january", "three weeks ago",
            "on monday", "the other day", "two weeks ago", "last year", "back in the autumn",
        ],
        "future": [
            "tomorrow morning", "tomorrow afternoon", "next week", "on monday", "on thursday",
            "the day after tomorrow", "early next week", "friday morning", "next tuesday", "in two weeks",
        ],
        "clock": [
            "at ten", "around two pm", "at half past three", "at nine fifteen", "late afternoon",
            "at 8 30", "around noon", "at four", "in the morning", "around eleven",
        ],
        "weekday": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
        "cold": ["minus five", "minus ten", "below freezing", "freezing", "minus eight", "like minus three"],
        "indoor": ["twelve degrees", "fourteen degrees", "eleven degrees", "about ten degrees", "13 degrees"],
        "deep": ["a few centimetres", "ankle deep", "ten centimetres", "a couple of inches", "really deep"],
        "part": [
            "a new washer for the tap", "a shower head", "a new sink trap", "a cistern repair kit",
            "a thermostatic radiator valve", "two radiator valves", "a toilet seat", "a tap aerator",
            "a bleed key for the radiators", "a new shower hose", "a kitchen mixer tap", "a drain plug",
            "a drain snake", "a flush button", "an angle valve",
        ],
        "appl": ["washing machine", "dishwasher", "boiler", "hot water tank", "water heater"],
        "apo": [
            "a pack of ibuprofen", "two packs of paracetamol", "children's nasal spray", "some aspirin",
            "a thermometer", "cough syrup", "a big box of plasters", "magnesium tablets", "vitamin d drops",
            "a blood pressure monitor", "compression stockings", "throat lozenges", "zinc cream",
            "something for heartburn", "hay fever tablets", "hand sanitiser", "a hot water bottle",
            "test strips for my glucose meter", "children's fever syrup", "voltaren gel", "eye drops",
            "rehydration sachets", "antihistamines",
        ],
        "rx": [
            "my blood pressure tablets", "the pill", "my thyroid medication", "my daughter's antibiotics",
            "my cholesterol meds", "the cream from the dermatologist", "my husband's painkillers",
            "my iron tablets", "the steroid spray", "my son's antibiotics",
        ],
        "vital": EN_VITAL,
        "doctor": ["dr wagner", "dr oezdemir", "my gp", "the paediatrician", "dr hansen"],
        "lawyer": ["mr berg", "dr berg", "ms kaya", "dr lindner", "ms petersen", "mr jansen"],
        "legal": [
            "my dismissal", "my divorce", "the tenancy dispute", "the inheritance", "the car accident",
            "the speeding fine", "my employment contract", "child support", "the warning letter",
            "the purchase contract", "my residence permit", "the eviction notice",
        ],
        "akte": lambda rng: f"{rng.randint(12, 990)} {rng.choice(['23', '24', '25', '26'])}",
        "site": EN_SITES,
        "firm": [
            "schulz bakery", "the wagner practice", "lange tax advisors", "krueger cars",
            "hansen logistics", "voss architects", "the dental practice", "brandt gmbh",
        ],
        "hw": [
            "three new laptops", "a second monitor", "two toner cartridges", "a docking station",
            "five headsets", "a new keyboard and mouse", "a wifi router", "an external drive for backups",
            "two office licences", "a new printer", "a notebook for our new colleague", "ten usb sticks",
            "a 24 port switch", "two webcams", "a new server",
        ],
        "secitem": [
            "two fire extinguishers", "smoke detectors for the whole office", "a fire extinguisher for the warehouse",
            "extra cameras", "a new key fob for the alarm", "ten smoke alarms", "spare batteries for the smoke detectors",
            "a key safe", "a carbon monoxide detector", "a fire blanket for the kitchen",
        ],
        "event": [
            "our company party", "a concert", "the christmas party", "a flea market", "the street festival",
            "a wedding", "the trade fair", "a football tournament", "our shop opening",
        ],
        "n": ["two", "three", "four", "five", "six", "ten", "twelve", "twenty", "15", "30"],
        "month": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        "day": [str(i) for i in range(1, 29)],
    },
}
ALIASES = {"name2": "name", "fam2": "fam", "street2": "street", "future2": "future", "apo2": "apo", "hw2": "hw"}
# fmt: on


# ----------------------------------------------------------------------------------------------
# distress phrases, greetings, closings, rambling (label-neutral except distress phrases)
# ----------------------------------------------------------------------------------------------

# fmt: off
DISTRESS_PHRASES = {
    "de": {
        "worried": [
            "Ich mach mir echt Sorgen.", "Ich bin total nervös.", "Oh nein, oh nein.", "Ich bin ganz durcheinander.",
            "Mir ist das echt unheimlich.", "Ich bin total aufgeregt, entschuldigen Sie.", "Das macht mich ganz nervös.",
            "Ich weiß gar nicht, was ich machen soll.", "So ein Mist, ehrlich.", "Ich bin echt beunruhigt.",
            "Bitte beeilen Sie sich, ich bin total nervös.", "Oh Mann, ich bin echt fertig mit den Nerven.",
        ],
        "angry": [
            "Ich bin echt sauer!", "Das ist eine Frechheit!", "Das kann doch nicht wahr sein!", "Ich hab die Schnauze voll.",
            "Verdammt nochmal!", "Jetzt reicht's mir aber.", "Ich bin stinksauer.", "Das ist doch unglaublich!",
            "Ich bin wirklich verärgert.", "Das ist jetzt schon das dritte Mal!", "Langsam platzt mir der Kragen.",
            "So geht das nicht weiter!",
        ],
        "panic": [
            "Oh Gott, oh Gott!", "Bitte helfen Sie mir, schnell!", "Ich hab solche Angst!", "Ich hab Panik, bitte!",
            "Ich zittere am ganzen Körper!", "Bitte, bitte, beeilen Sie sich, ich dreh durch!", "Hilfe, bitte helfen Sie mir!",
            "Ich krieg Panik, ich weiß nicht, was ich machen soll!", "Oh mein Gott, bitte schnell!", "Ich bin völlig in Panik!",
            "Bitte schnell, ich hab so Angst!", "Ich flipp gleich aus vor Angst!",
        ],
    },
    "en": {
        "worried": [
            "I'm really worried.", "I'm so nervous.", "Oh no, oh no.", "I don't really know what to do.",
            "This is really stressing me out.", "Sorry, I'm a bit shaken.", "I'm quite anxious about this.",
            "Oh dear, oh dear.", "Please hurry, I'm really worried.", "I'm honestly a nervous wreck.",
        ],
        "angry": [
            "This is ridiculous!", "I'm so angry right now.", "This is absolutely unacceptable!", "I'm fed up.",
            "For god's sake!", "This is the third time!", "Honestly, I'm furious.", "What a joke.",
            "I've had enough of this.", "I'm really annoyed.",
        ],
        "panic": [
            "Oh my god, oh my god!", "Please help me, quickly!", "I'm freaking out!", "I'm so scared!",
            "Please, please hurry, I'm panicking!", "I can't stop shaking!", "Help, please help!",
            "Oh god, please, I'm terrified!", "I'm panicking, I don't know what to do!", "Please hurry, I'm so scared!",
        ],
    },
}

OPENERS = {
    "de": [
        "Hallo,", "Ja, hallo,", "Guten Tag,", "Guten Morgen,", "Moin,", "Moin moin,", "Grüß Gott,",
        "Hallo, hier ist {fullname}.", "Ja, {name} hier.", "Hallo, mein Name ist {fullname}.", "Guten Abend,",
        "Hallo, ja, guten Tag,", "Schönen guten Tag, {name} am Apparat.", "Ja, hallo, hier spricht {fullname}.",
    ],
    "en": [
        "Hi,", "Hello,", "Hi there,", "Good morning,", "Hello, yes,", "Hi, this is {fullname}.",
        "Hello, my name is {fullname}.", "Hey,", "Good afternoon,", "Hi, it's {first} {name} here.",
        "Good evening,", "Yes hello,",
    ],
}
CLOSERS = {
    "de": {
        "urgent": [
            "Meine Adresse ist {street} in {city}.", "Ich wohne in der {street}.", "Können Sie bitte jemanden schicken?",
            "Was soll ich denn jetzt machen?", "Meine Nummer ist {phone}.", "Wir sind in der {street}, {floor}.",
            "Bitte schicken Sie jemanden, {street}, {city}.", "Was mach ich denn jetzt?",
        ],
        "routine": [
            "Meine Nummer ist {phone}.", "Danke schön.", "Vielen Dank.", "Das wär's eigentlich.", "Tschüss.",
            "Sie erreichen mich unter {phone}.", "Mein Name ist {fullname}.", "Danke im Voraus.",
            "Rufen Sie mich gern zurück, {phone}.",
        ],
    },
    "en": {
        "urgent": [
            "The address is {street}, {city}.", "I'm at {street}.", "Can you please send someone?",
            "What should I do now?", "My number is {phone}.", "We're at {street}, {floor}.",
            "Please send someone to {street}.", "What do I do?",
        ],
        "routine": [
            "My number is {phone}.", "Thanks.", "Thank you very much.", "That's all really.", "Bye.",
            "You can reach me on {phone}.", "My name is {fullname}.", "Thanks in advance.",
            "Call me back on {phone} please.",
        ],
    },
}
RAMBLES = {
    "de": [
        "Also, ich bin gerade erst nach Hause gekommen.", "Ja also, das ist jetzt ein bisschen kompliziert, ich erklär's mal.",
        "Ich hab's vorhin schon mal versucht, da war besetzt.", "Meine Frau hat gesagt, ich soll hier mal anrufen.",
        "Entschuldigung, dass ich so spät noch anrufe.", "Also, ich weiß gar nicht, ob ich hier richtig bin.",
        "Ich hab Ihre Nummer von meiner Nachbarin bekommen.", "Also, wie soll ich anfangen.",
        "Ich bin gerade im Auto, ich hoffe, Sie verstehen mich.", "Ich hab schon im Internet geguckt, aber da steht auch nichts Vernünftiges.",
        "Ich bin da echt kein Fachmann, ehrlich gesagt.", "Wir wohnen da jetzt seit zwanzig Jahren.",
        "Moment, ich muss kurz den Fernseher leiser machen.", "Ich hoffe, ich stör nicht.",
    ],
    "en": [
        "So I just got home from work.", "Okay, this is a bit of a long story.", "I tried calling earlier but it was busy.",
        "My wife told me to call this number.", "Sorry for calling so late.", "I'm not sure if I've got the right number.",
        "A neighbour gave me your number.", "I'm in the car, hope you can hear me.", "We've lived here for ten years.",
        "I looked online but couldn't find anything useful.", "I'm not really a handy person, to be honest.",
        "Sorry, my German isn't good enough for this, so English.", "Hang on, let me turn the TV down.",
        "I hope I'm not disturbing you.",
    ],
}
# fmt: on


# ----------------------------------------------------------------------------------------------
# templates and hand-written utterances: parsing and rendering
# ----------------------------------------------------------------------------------------------

CHOICE_RE = re.compile(r"\[([^\[\]]*)\]")
SLOT_RE = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


class Template:
    def __init__(
        self,
        lang: str,
        key: str,
        text: str,
        clients: str,
        urgency: str,
        intent: str,
        distress: str,
        hard: bool,
        bare: bool,
        rows: int,
    ):
        self.lang, self.key, self.text = lang, key, text
        self.clients = [CLIENTS[c] for c in clients.replace("*", "SAKWIN")]
        self.urgency, self.intent, self.distress_spec = urgency, intent, distress
        self.hard, self.bare, self.rows = hard, bare, rows
        client_tag = "any" if "*" in clients else "".join(sorted(set(clients)))
        self.group = f"t.{lang}.{urgency.lower()}.{intent}.{client_tag}.{key}"


def default_rows(urgency: str, intent: str, hard: bool) -> int:
    """Rows per template: fewer for the many emergency templates, more for rare labels and hard negatives."""
    if urgency in ("P0", "P1"):
        return 8
    if hard or urgency == "P4":
        return 16
    if intent == "order_status":
        return 20
    if intent in ("leave_message", "request_human"):
        return 15
    return 11 if urgency == "P2" else 12


def parse_templates(lang: str, block: str) -> list[Template]:
    out: list[Template] = []
    header = None
    for raw in block.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            parts = line[1:].split()
            clients, urg, intent, dist = parts[:4]
            flags = parts[4:]
            rows = default_rows(URGENCIES[int(urg)], INTENTS.get(intent, ""), "h" in flags)
            for f in flags:
                if f.startswith("x="):
                    rows = int(f[2:])
            if (
                intent not in INTENTS
                or urg not in ("0", "1", "2", "3", "4")
                or any(c not in "SAKWIN*" for c in clients)
            ):
                raise SystemExit(f"bad header: {line}")
            if not re.fullmatch(r"[nea]|([nea]\d+)+", dist):
                raise SystemExit(f"bad distress spec: {line}")
            header = (clients, URGENCIES[int(urg)], INTENTS[intent], dist, "h" in flags, "b" in flags, rows)
            continue
        if header is None or "|" not in line:
            raise SystemExit(f"template line outside a block or without key: {line}")
        key, text = line.split("|", 1)
        out.append(Template(lang, key.strip(), text.strip(), *header))
    return out


class Filler:
    """Fills slots of one row; the same slot name gives the same value within the row."""

    def __init__(self, lang: str, rng: random.Random):
        self.lang, self.rng, self.cache = lang, rng, {}

    def value(self, name: str, form: str | None) -> str:
        if name not in self.cache:
            table = SLOTS[self.lang][ALIASES.get(name, name)]
            v = table(self.rng) if callable(table) else self.rng.choice(table)
            self.cache[name] = v
        v = self.cache[name]
        if isinstance(v, dict):
            return v[form or next(iter(v))]
        return v

    def fill(self, text: str) -> str:
        for _ in range(3):  # choices may contain slots and slots never contain choices
            text = CHOICE_RE.sub(lambda m: self.rng.choice(m.group(1).split("|")), text)
        return SLOT_RE.sub(lambda m: self.value(m.group(1), m.group(2)), text)


def pick_distress(spec: str, rng: random.Random) -> tuple[str, bool]:
    """(distress letter, whether a distress phrase must be added)."""
    if len(spec) == 1:
        return spec, False
    pairs = re.findall(r"([nea])(\d+)", spec)
    total = sum(int(w) for _, w in pairs)
    r = rng.uniform(0, total)
    for letter, w in pairs:
        r -= int(w)
        if r <= 0:
            return letter, letter != "n"
    return pairs[-1][0], pairs[-1][0] != "n"


def render_template(t: Template, rng: random.Random) -> dict:
    client = rng.choice(t.clients)
    f = Filler(t.lang, rng)
    core = f.fill(t.text)
    dist, add_phrase = pick_distress(t.distress_spec, rng)
    parts = [core]
    if add_phrase:
        if dist == "a":
            kind = "panic"
        elif t.intent in ("complaint", "order_status", "request_human"):
            kind = "angry"
        elif t.intent == "report_problem" and t.urgency in ("P2", "P3"):
            kind = "worried" if rng.random() < 0.7 else "angry"
        else:
            kind = "worried"
        phrase = rng.choice(DISTRESS_PHRASES[t.lang][kind])
        if rng.random() < 0.5:
            parts.insert(0, phrase)
        else:
            parts.append(phrase)
    if not t.bare and t.urgency != "P4":
        if t.urgency != "P0" and rng.random() < 0.12:
            parts.insert(0, rng.choice(RAMBLES[t.lang]))
        if rng.random() < 0.35:
            parts.insert(0, f.fill(rng.choice(OPENERS[t.lang])))
        if rng.random() < 0.3:
            # someone is sent out only by the plumber and the security firm (or 112 for anyone)
            urgent = t.intent == "report_problem" and (
                t.urgency == "P0"
                or (t.urgency in ("P1", "P2") and client in (CLIENTS["S"], CLIENTS["W"], None))
            )
            parts.append(f.fill(rng.choice(CLOSERS[t.lang]["urgent" if urgent else "routine"])))
    parts = [p.strip() for p in parts if p.strip()]
    for i in range(1, len(parts)):
        if parts[i - 1].endswith(","):
            parts[i] = decap(parts[i], t.lang)
    text = asr_style(" ".join(parts), t.lang, rng)
    return {
        "text": text,
        "lang": t.lang,
        "client": client,
        "urgency": t.urgency,
        "intent": t.intent,
        "distress": DISTRESSES[dist],
        "group": t.group,
        "_hard": t.hard,
        "_source": "template",
    }


def parse_handwritten(lang: str, block: str) -> list[dict]:
    rows: list[dict] = []
    group, fam_hard, n_in_family = None, False, 0
    for raw in block.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            parts = line[2:].split()
            group, fam_hard, n_in_family = f"h.{lang}.{parts[0]}", "h" in parts[1:], 0
            continue
        if group is None or "|" not in line:
            raise SystemExit(f"hand-written line outside a family: {line}")
        head, text = line.split("|", 1)
        tok = head.split()
        if (
            len(tok) < 4
            or tok[0] not in ("0", "1", "2", "3", "4")
            or tok[1] not in INTENTS
            or tok[2] not in DISTRESSES
            or tok[3] not in CLIENTS
        ):
            raise SystemExit(f"bad hand-written line: {line}")
        rows.append(
            {
                "text": text.strip(),
                "lang": lang,
                "client": CLIENTS[tok[3]],
                "urgency": URGENCIES[int(tok[0])],
                "intent": INTENTS[tok[1]],
                "distress": DISTRESSES[tok[2]],
                # a family is held out in chunks of HANDWRITTEN_CHUNK neighbouring lines (the German and
                # English families are written in parallel, so chunk k of both languages is one split unit)
                "group": f"{group}.{n_in_family // HANDWRITTEN_CHUNK + 1}",
                "_hard": fam_hard or "h" in tok[4:],
                "_source": "handwritten",
            }
        )
        n_in_family += 1
    return rows


def style_handwritten(row: dict, rng: random.Random) -> dict:
    """Hand-written turns are already written as recognisers write them; add only a few slips."""
    text = row["text"]
    if text == text.lower() and not re.search(r"[.,!?]", text):
        words = text.split()
        if rng.random() < 0.12:
            words = insert_fillers(words, row["lang"], rng, 1)
        if rng.random() < 0.15:
            words = noise_once(words, row["lang"], rng)
        text = " ".join(words)
    return {**row, "text": text}


# ----------------------------------------------------------------------------------------------
# building, splitting, reporting
# ----------------------------------------------------------------------------------------------

LABEL_KEYS = ("urgency", "intent", "distress")


def build_rows(rng: random.Random) -> tuple[list[dict], dict]:
    info = {"templates": 0, "handwritten": 0, "conflicts": [], "short_templates": []}
    seen: dict[str, tuple] = {}
    rows: list[dict] = []

    def add(row: dict) -> bool:
        k = norm_key(row["text"])
        if not k:
            return False
        labels = tuple(row[x] for x in LABEL_KEYS)
        if k in seen:
            if seen[k] != labels:
                info["conflicts"].append((row["text"], seen[k], labels))
            return False
        seen[k] = labels
        rows.append(row)
        return True

    for lang, block in (("de", HANDWRITTEN_DE), ("en", HANDWRITTEN_EN)):
        for row in parse_handwritten(lang, block):
            info["handwritten"] += add(style_handwritten(row, rng))
    templates = parse_templates("de", TEMPLATES_DE) + parse_templates("en", TEMPLATES_EN)
    groups_seen: set[str] = set()
    for t in templates:
        if t.group in groups_seen:
            raise SystemExit(f"duplicate template key: {t.group}")
        groups_seen.add(t.group)
    info["templates"] = len(templates)
    for t in templates:
        made = tries = 0
        while made < t.rows and tries < t.rows * 8:
            tries += 1
            made += add(render_template(t, rng))
        if made < t.rows // 2:
            info["short_templates"].append((t.group, made))
    return rows, info


def split_unit(group: str) -> str:
    """Templates and families written in both languages share a key; they go to the same split,
    so a German phrasing in test is not a translated copy of an English one in train."""
    return re.sub(r"^([th])\.(de|en)\.", r"\1.", group)


def assign_split(rows: list[dict], rng: random.Random) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[split_unit(r["group"])].append(r)
    gids = sorted(groups)
    rng.shuffle(gids)
    pos = {g: i for i, g in enumerate(gids)}

    def major(g: str, field: str) -> str:
        return Counter(r[field] for r in groups[g]).most_common(1)[0][0]

    def stratum(g: str) -> tuple:
        rs = groups[g]
        return (
            major(g, "urgency"),
            major(g, "intent"),
            rs[0]["_hard"],
            major(g, "distress"),
            rs[0]["_source"],
        )

    test: set[str] = set()
    acc = rng.random()
    for g in sorted(gids, key=lambda g: (stratum(g), pos[g])):
        acc += TEST_SHARE
        if acc >= 1:
            acc -= 1
            test.add(g)

    # every label value, per language, must be measurable in test: enough rows from >= 2 groups
    for lang in ("de", "en"):
        for field, values in (("urgency", URGENCIES), ("intent", INTENT_ORDER), ("distress", DISTRESS_ORDER)):
            for v in values:
                total = sum(1 for r in rows if r["lang"] == lang and r[field] == v)
                need = min(max(20, int(0.1 * total)), total // 3)

                hits = {g: sum(1 for r in groups[g] if r["lang"] == lang and r[field] == v) for g in gids}
                candidates = sorted((g for g in gids if g not in test and hits[g]), key=lambda g: pos[g])
                n_rows = sum(hits[g] for g in test)
                n_groups = sum(1 for g in test if hits[g])
                while (n_rows < need or n_groups < 2) and candidates:
                    g = candidates.pop(0)
                    test.add(g)
                    n_rows, n_groups = n_rows + hits[g], n_groups + 1
    for r in rows:
        r["split"] = "test" if split_unit(r["group"]) in test else "train"


def table(rows: list[dict], field: str, values, by: str = "lang", by_values=("de", "en")) -> str:
    cnt = Counter((r[field], r[by]) for r in rows)
    head = f"| {field} | " + " | ".join(by_values) + " | total |"
    sep = "|---|" + "---:|" * (len(by_values) + 1)
    lines = [head, sep]
    for v in values:
        cells = [cnt[(v, b)] for b in by_values]
        lines.append(f"| {v} | " + " | ".join(str(c) for c in cells) + f" | {sum(cells)} |")
    totals = [sum(cnt[(v, b)] for v in values) for b in by_values]
    lines.append("| **all** | " + " | ".join(str(c) for c in totals) + f" | {sum(totals)} |")
    return "\n".join(lines)


def report(rows: list[dict], info: dict) -> str:
    out = []
    n_groups = len({r["group"] for r in rows})
    test_groups = len({r["group"] for r in rows if r["split"] == "test"})
    hard = sum(r["_hard"] for r in rows)
    out.append(
        f"rows: {len(rows)} (de {sum(r['lang'] == 'de' for r in rows)}, en {sum(r['lang'] == 'en' for r in rows)}); "
        f"templates: {info['templates']}; hand-written utterances kept: {info['handwritten']}; "
        f"groups: {n_groups} ({test_groups} in test); hard negatives: {hard} ({100 * hard / len(rows):.1f}%)"
    )
    for split in ("train", "test", "all"):
        rs = rows if split == "all" else [r for r in rows if r["split"] == split]
        hard = sum(r["_hard"] for r in rs)
        hand = sum(r["_source"] == "handwritten" for r in rs)
        out.append(
            f"\n### {split}: {len(rs)} rows, {len({r['group'] for r in rs})} groups, "
            f"{hand} hand-written rows, {hard} hard negatives ({100 * hard / max(1, len(rs)):.1f}%)\n"
        )
        out.append(table(rs, "urgency", URGENCIES))
        out.append("")
        out.append(table(rs, "intent", INTENT_ORDER))
        out.append("")
        out.append(table(rs, "distress", DISTRESS_ORDER))
        out.append("")
        out.append(table([{**r, "client": r["client"] or "(none)"} for r in rs], "client", CLIENT_ORDER))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("-o", "--out", default=str(HERE / "corpus.jsonl"))
    ap.add_argument(
        "--readme", action="store_true", help="also refresh the statistics block of data/README.md"
    )
    args = ap.parse_args(argv)

    rng = random.Random(SEED)
    rows, info = build_rows(rng)
    for text, a, b in info["conflicts"]:
        print(f"warning: same text, different labels: {text!r} {a} vs {b}", file=sys.stderr)
    for group, made in info["short_templates"]:
        print(f"warning: template {group} gave only {made} distinct rows", file=sys.stderr)
    assign_split(rows, rng)
    rng.shuffle(rows)

    stats = report(rows, info)
    print(stats)
    keys = ("text", "lang", "client", "urgency", "intent", "distress", "group", "split")
    with open(args.out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n")
    print(f"\nwrote {len(rows)} rows to {args.out}")
    if args.readme:
        readme = HERE / "README.md"
        text = readme.read_text(encoding="utf-8")
        begin, end = "<!-- stats:begin -->", "<!-- stats:end -->"
        if begin in text and end in text:
            head, rest = text.split(begin, 1)
            _, tail = rest.split(end, 1)
            readme.write_text(f"{head}{begin}\n{stats}\n{end}{tail}", encoding="utf-8")
            print(f"updated statistics in {readme}")
    return 0


# ----------------------------------------------------------------------------------------------
# Templates and hand-written utterances are data: data/templates/*.txt (formats in the docstring above)
# ----------------------------------------------------------------------------------------------

TEMPLATES_DIR = HERE / "templates"
TEMPLATES_DE = (TEMPLATES_DIR / "templates_de.txt").read_text(encoding="utf-8")
TEMPLATES_EN = (TEMPLATES_DIR / "templates_en.txt").read_text(encoding="utf-8")
HANDWRITTEN_DE = (TEMPLATES_DIR / "handwritten_de.txt").read_text(encoding="utf-8")
HANDWRITTEN_EN = (TEMPLATES_DIR / "handwritten_en.txt").read_text(encoding="utf-8")

if __name__ == "__main__":
    sys.exit(main())

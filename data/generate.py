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
# German templates
# ----------------------------------------------------------------------------------------------

TEMPLATES_DE = r"""
# ---------- P0: gas, CO ----------
@ SSS* 0 rp n5e3a2
gas1 | Es riecht [total|ganz stark|richtig] nach Gas [im Treppenhaus|in der Küche|im Keller|bei uns im Haus|in der ganzen Wohnung].
gas2 | {name} hier aus der {street}, bei uns im Haus riecht es nach Gas, was soll ich machen?
gas3 | Ich glaube, der Gasherd ist undicht, es riecht so komisch nach faulen Eiern.
gas4 | Gasgeruch {in_room}, [ganz stark|ziemlich heftig|man riecht es richtig].
gas5 | Die Gastherme zischt [so komisch|ganz laut] und es riecht nach Gas.
gas6 | Im Keller riecht es {since} nach Gas und jetzt wird's immer stärker.
gas7 | Der Nachbar sagt, im ganzen Treppenhaus riecht es nach Gas, sollen wir raus?
gas8 | Ich komm grad nach Hause und [die ganze Wohnung|das Treppenhaus|der Flur] stinkt nach Gas.
gas9 | Bei der Therme {in_room} riecht es nach Gas und die Flamme ist aus.
@ S 0 rp n6e4
gas10 | Ich wollte eigentlich nur {part} bestellen, aber Moment, hier riecht's nach Gas.
gas11 | Eigentlich ruf ich wegen der Wartung an, aber seit {ago} riecht es {in_room} irgendwie nach Gas.
gas12 | Kurze Frage wegen der Rechnung, und ähm, es riecht hier übrigens ziemlich nach Gas, ist das normal?
@ * 0 rp n4e4a2
co1 | Der CO-Melder [piept die ganze Zeit|schlägt Alarm|geht nicht mehr aus] und mir ist [schwindelig|total schlecht].
co2 | Unser Kohlenmonoxidmelder schlägt Alarm, {in_room} steht die Therme.
co3 | Der Kohlenmonoxid-Melder geht los und {fam.nom} hat ganz starke Kopfschmerzen.
co4 | Mir is schlecht und schwindlig, und der Melder für Kohlenmonoxid piept.
co5 | Der CO-Warner im Bad zeigt einen hohen Wert an und [uns ist allen übel|die Kinder sind ganz schläfrig].

# ---------- P0: fire and smoke ----------
@ * 0 rp a
fire1 | Hier brennt's! {in_room} brennt es!
fire2 | Es brennt [in der Küche|im Keller|im Wohnzimmer|bei uns im Haus], [die Flammen schlagen schon hoch|alles ist voller Rauch].
fire3 | Die Pfanne hat Feuer gefangen und jetzt brennt die ganze Dunstabzugshaube.
fire4 | Bei uns im Haus brennt es, wir kommen nicht mehr raus, das Treppenhaus ist voller Rauch.
fire5 | Feuer [im Heizungskeller|in der Garage|auf dem Balkon], {fam.nom} ist noch drin!
@ * 0 rp n4e4a2
smoke1 | Aus der Steckdose {in_room} kommt Rauch und es riecht verbrannt.
smoke2 | Der Heizungskeller ist voller Rauch, [ich seh kaum was|es qualmt richtig].
smoke3 | Bei der Therme kommen [Flammen|Funken] raus und es qualmt.
smoke4 | Unter der Tür von den Nachbarn [im zweiten Stock|gegenüber|unter uns] kommt Rauch raus und keiner macht auf.
smoke5 | Der Rauchmelder [im Flur|in der Küche|im Schlafzimmer] geht und es riecht richtig nach Qualm.
smoke6 | Es riecht verschmort, und aus dem Sicherungskasten kommt Rauch.
@ I 0 rp n5e4a1
smoke7 | Im Serverraum qualmt es aus dem Rack, [es riecht total verschmort|der Rauchmelder geht schon].
smoke8 | Bei uns im Büro brennt ein Akku von einem Laptop, das qualmt wie verrückt.
@ W 0 rp n5e3a2
smoke9 | Ich bin der Wachmann bei {site.dat}, in der Halle ist Feuer ausgebrochen.
smoke10 | Auf der Kamera bei {site.dat} sieht man Rauch aus dem Dach kommen.

# ---------- P0: water and electricity ----------
@ * 0 rp n4e4a2
elec1 | Das Wasser läuft {in_room} direkt über die Steckdosen.
elec2 | Bei mir läuft's aus der Decke, [genau aus der Lampe|direkt aus der Deckenleuchte] raus.
elec3 | Das Wasser tropft in den Sicherungskasten und es knistert.
elec4 | Der Keller steht unter Wasser und da unten ist der Stromverteiler, das Wasser ist schon an den Steckdosen.
elec5 | Es regnet durch die Decke in die Lampe {in_room} und das Licht flackert und [knallt|zischt].
elec6 | {fam.nom} hat einen Stromschlag gekriegt, als {fam.er} die nasse Steckdose angefasst hat.
elec7 | Die Waschmaschine ist ausgelaufen und das Wasser steht um die Mehrfachsteckdose rum, die funkt.

# ---------- P0: injury, medical ----------
@ * 0 rp a
med1 | {fam.nom} ist von der Leiter gefallen und blutet stark am Kopf.
med2 | {fam.nom} ist [umgekippt|zusammengebrochen] und reagiert nicht mehr.
med3 | {fam.nom} atmet nicht mehr richtig, {fam.er} ist ganz blau im Gesicht.
med4 | Mir ist total schlecht und ich hab so Druck auf der Brust, mein linker Arm kribbelt.
med5 | {fam.nom} hat [eine allergische Reaktion|was Falsches gegessen], das Gesicht schwillt an und {fam.er} kriegt kaum Luft.
med6 | {kid.nom} hat Tabletten von der Oma geschluckt, [eine ganze Handvoll|ich weiß nicht wie viele], was soll ich machen?
med7 | {fam.nom} hat einen Krampfanfall und hört nicht auf zu zucken.
med8 | Ich glaub, {fam.nom} hat einen Schlaganfall, {fam.er} kann nicht mehr richtig sprechen und der Mund hängt.
@ S* 0 rp n3e4a3
inj1 | Ich hab mich an einem Rohr [total|ganz tief] geschnitten, das blutet und hört nicht auf.
inj2 | Unser Monteur ist im Keller ausgerutscht und hat sich am Kopf verletzt, er ist ganz benommen.
inj3 | {fam.nom} hat sich am Boiler [ganz schlimm|richtig heftig] verbrüht, die Haut wirft Blasen.
@ A 0 rp n2e4a4
med9 | Ich hab aus Versehen [die doppelte|die dreifache] Dosis von meinen Blutverdünnern genommen und jetzt blute ich aus der Nase und es hört nicht auf.
med10 | {kid.nom} hat den Fiebersaft [ausgetrunken|die ganze Flasche getrunken] und ist jetzt ganz schläfrig.
med11 | Ich hab das Antibiotikum genommen und jetzt [schwillt meine Zunge an|krieg ich kaum Luft].
med12 | Meine Mutter hat Insulin gespritzt und nichts gegessen, jetzt ist sie ganz verwirrt und zittrig.

# ---------- P0: violence, intruder present ----------
@ * 0 rp a
viol1 | Da ist jemand in meiner Wohnung, ich hör ihn {in_room}.
viol2 | [Mein Ex|Mein Exmann|Der Exfreund von meiner Tochter] steht vor der Tür und droht, mich umzubringen.
viol3 | Jemand bedroht [unsere Mitarbeiterin|meine Kollegin|die Kassiererin] mit einem Messer.
viol4 | Hier schlägt einer auf [einen anderen|eine Frau] ein, direkt vor unserem Laden, das ist richtig brutal.
viol5 | Es hat jemand versucht, die Tür einzutreten, und jetzt ist er im Flur, ich hab mich im Bad eingeschlossen.
viol6 | [Mein Mann|Mein Freund|Mein Lebensgefährte|Mein Vater] ist betrunken und schlägt [mich|die Kinder], ich hab mich eingesperrt.
@ W 0 rp n4e5a1
intr1 | Ich seh auf der Kamera, dass gerade Leute in {site.dat} sind, die brechen [die Tür|die Container|das Rolltor] auf.
intr2 | Ich bin auf Streife bei {site.dat} und da laufen zwei Typen mit Taschenlampen rum, die sind noch drin.
intr3 | Bei {site.dat} ist der Einbrecher noch im Gebäude, ich höre ihn, schicken Sie die Polizei.
@ W 0 rp a
intr4 | Ich bin allein in der Nachtschicht und da ist jemand [im Lager|in der Halle|im Büro], der hat ein Messer.
intr5 | Unser Wachmann wird bei {site.dat} gerade angegriffen, er hat übers Funkgerät um Hilfe geschrien.
@ K 0 rp a
viol7 | Die Gegenseite steht hier [in der Kanzlei|bei mir im Hausflur] und schreit, dass er mich umbringt.
viol8 | Mein Mann hat mich geschlagen und steht noch vor der Tür, ich wollte eigentlich wegen der Scheidung anrufen.

# ---------- P0: hopelessness, self-harm ----------
@ * 0 rp a
self1 | Ich kann nicht mehr, ich will einfach nicht mehr leben.
self2 | Ich hab [alle meine Tabletten|die ganze Packung Schlaftabletten] genommen.
self3 | Es hat alles keinen Sinn mehr, ich mach jetzt Schluss.
self4 | Ich weiß nicht mehr weiter, ich will nicht mehr, [ich will mir was antun|ich seh keinen Ausweg].
self5 | Ich steh hier auf der Brücke und [ich weiß nicht, warum ich Sie anrufe|ich will springen].
self6 | Seit [meiner Scheidung|der Kündigung|der Räumungsklage|dem Prozess|der Pleite] ist alles kaputt, ich kann nicht mehr, ich hab schon [das Messer|die Tabletten] hier liegen.
self7 | [Ich halt das alles nicht mehr aus|Ich will einfach nur noch, dass es aufhört], es wäre besser, wenn ich nicht mehr da wäre.
@ A 0 rp a
self8 | Wie viele von {rx.dat} muss man nehmen, damit man nicht mehr aufwacht?

# ---------- P0: short and mixed ----------
@ * 0 rp a b x=6
short1 | [Feuer! Feuer!|Es brennt!|Hilfe, es brennt!|Hier brennt's, schnell!]
short2 | [Hilfe, Einbrecher!|Hilfe, da ist jemand im Haus!|Hilfe, bitte, der Mann hat ein Messer!]
short3 | [Hilfe!|Hilfe, hilfe!|Bitte helfen Sie mir!] {fam.nom} [atmet nicht|ist bewusstlos|blutet so stark].
@ * 0 rp n5e5 b x=6
short4 | [Gasgeruch.|Es riecht nach Gas.|Gas, riecht nach Gas.|Riecht stark nach Gas hier.]
short5 | [Rauch {in_room}.|Es qualmt {in_room}.|Rauch aus der Steckdose.]
@ * 0 rp a
mix1 | Kurze Frage zu den Öffnungszeiten, oh warte, {fam.nom} ist gerade [zusammengebrochen|umgefallen]!
mix2 | Ich will sofort einen Menschen sprechen, es brennt [im Keller|in der Küche]!
mix3 | Geben Sie mir einen Mitarbeiter, {fam.nom} atmet nicht mehr!
@ * 0 rp n3e5a2
mix4 | Ich ruf wegen der Rechnung an, aber eigentlich, hier riecht es gerade komisch nach Gas, ist das schlimm?
mix5 | Ich wollte nen Termin machen, aber jetzt qualmt die Steckdose {in_room}!
mix6 | Kein Rohrbruch, aber es riecht nach Gas im Keller.
mix7 | Die Heizung ist nicht das Problem, aber der CO-Melder piept seit {ago}.
mix8 | Mitarbeiter bitte, schnell, es riecht nach Gas!

# ---------- P1: burst pipe, flooding ----------
@ S 1 rp n5e3a2
flood1 | Bei uns ist ein Wasserrohrbruch {in_room}, das Wasser [spritzt|schießt|läuft] [überall hin|aus der Wand|aus der Decke].
flood2 | Die ganze Wohnung steht unter Wasser, das kommt [aus dem Bad|aus der Küche|irgendwo aus der Wand].
flood3 | Bei mir läuft's aus der Decke, der Nachbar oben ist nicht da.
flood4 | Rohr geplatzt {in_room}, wie stell ich das Wasser ab?
flood5 | Der Schlauch von {appl.dat} ist geplatzt und das Wasser läuft und läuft.
flood6 | Wasser kommt von unten durch den Boden hoch {in_room}, [das wird immer mehr|das hört nicht auf].
flood7 | Im Keller steht das Wasser schon {deep} und es wird mehr.
flood8 | Das Eckventil unterm Waschbecken ist abgebrochen und ich krieg das Wasser nicht zu.
flood9 | {appl.nom} leckt und das Wasser läuft in die Wohnung unter uns.
flood10 | Ich finde den Haupthahn nicht und das Wasser [schießt|sprudelt] aus dem Rohr {in_room}.
flood11 | Die Bude steht unter Wasser, [das Rohr hinter der Waschmaschine ist geplatzt|irgendein Rohr ist geplatzt].
flood12 | Bei uns {floor} kommt Wasser durch die Decke, [es tropft nicht mehr, es läuft richtig|es plätschert richtig].
flood13 | Ein Heizungsrohr ist geplatzt, [heißes Wasser|das Heizungswasser] läuft {in_room} über den Boden.
flood14 | Wasserrohrbruch bei {name}, {street}, bitte kommen Sie schnell.
@ S 1 rp e5a5
flood15 | Oh nein, das Wasser [kommt überall raus|läuft schon ins Treppenhaus], ich weiß nicht, wo man das abdreht!
flood16 | Die ganze Küche schwimmt, ich steh hier knöcheltief im Wasser, was mach ich denn jetzt?

# ---------- P1: sewage ----------
@ S 1 rp n5e4a1
sew1 | Abwasserrückstau im Keller, die ganze Brühe kommt aus dem Bodenablauf hoch.
sew2 | Aus der Dusche und dem Klo kommt das Abwasser hoch, das stinkt fürchterlich.
sew3 | Die Toilette läuft über und hört nicht auf, überall ist Abwasser [im Bad|auf dem Boden|bis in den Flur].
sew4 | Im Keller drückt das Abwasser aus dem Gully, [da schwimmt schon Klopapier rum|das steht schon knöcheltief].
sew5 | Wenn oben einer spült, kommt bei uns {floor} alles aus der Dusche hoch.
sew6 | Nach dem Starkregen kommt die Kanalisation bei uns im Keller hoch.

# ---------- P1: heating in cold weather, no water at all ----------
@ S 1 rp n5e4a1
heat1 | Die Heizung ist komplett ausgefallen und draußen sind {cold}.
heat2 | Heizungsausfall im ganzen Haus, wir haben {indoor} in der Wohnung und ein Baby.
heat3 | Die Gastherme zeigt Störung, {since} keine Heizung, es ist eiskalt.
heat4 | {since} geht die Heizung nicht mehr, nirgends, mitten im Winter.
heat5 | Bei uns ist alles kalt, die ganze Heizung ist tot, und {fam.nom} ist über achtzig.
heat6 | Unsere Wärmepumpe ist ausgefallen, draußen sind {cold} und drinnen sind es nur noch {indoor}.
heat7 | Komplette Heizung weg, wir frieren hier, es sind {cold} draußen.
heat8 | Die Ölheizung springt nicht mehr an, im ganzen Haus ist es kalt, und es ist Winter.
@ S 1 rp n6e4
water1 | Bei uns kommt gar kein Wasser mehr aus der Leitung, weder kalt noch warm.
water2 | Wir haben überhaupt kein Wasser mehr im ganzen Haus.
water3 | {since} kommt aus keinem Hahn mehr Wasser, auch die Toilette spült nicht.
water4 | Kein Tropfen Wasser mehr, weder in der Küche noch im Bad, [was ist da los|können Sie jemanden schicken].

# ---------- P1: pharmacy vital medication ----------
@ A 1 rp n5e4a1
vital1 | Ich brauche dringend Insulin, meins ist alle und ich muss heute Abend spritzen.
vital2 | {vital.nom} {vital.ist} alle und ich brauche heute noch [Nachschub|die nächste Dosis].
vital3 | Mein Sohn hat Epilepsie und die Tabletten sind aus, er braucht heute noch die nächste Dosis.
vital4 | Wir brauchen heute noch einen neuen Adrenalin-Pen, der alte ist abgelaufen und {kid.nom} hat eine schwere Nussallergie.
vital5 | Meine Mutter ist palliativ und das Schmerzpflaster ist aus, bitte, das muss heute noch kommen.
vital6 | Ich bin im Urlaub und hab {vital.akk} zu Hause vergessen, ich brauche das heute noch, das ist lebenswichtig.
vital7 | Mein Herzmedikament ist aus, kann ich das heute noch bekommen? Ich darf das nicht auslassen.
vital8 | Das Insulin ist im Kühlschrank eingefroren, ich kann's nicht mehr benutzen und brauche heute noch neues.

# ---------- P1: law firm arrest / search ----------
@ K 1 rp n3e5a2
law1 | {fam.nom} ist gerade festgenommen worden, die Polizei hat {fam.ihn} mitgenommen.
law2 | Die Polizei steht mit einem Durchsuchungsbeschluss vor der Tür.
law3 | Bei uns in der Firma ist gerade eine Hausdurchsuchung, die Staatsanwaltschaft ist hier.
law4 | {fam.nom} sitzt seit heute Nacht in U-Haft, wir brauchen sofort einen Anwalt.
law5 | Ich bin auf der Wache und darf einen Anruf machen, ich brauche {lawyer}.
law6 | Die Steuerfahndung ist gerade bei uns im Büro und will alle Ordner mitnehmen.
law7 | Ich werde gerade verhaftet, die Beamten stehen neben mir, was soll ich denen sagen?
law8 | Die Polizei durchsucht gerade unsere Wohnung, dürfen die das einfach so?

# ---------- P1: security alarm / break-in discovered ----------
@ W 1 rp n5e4a1
alarm1 | Die Alarmanlage bei {site.dat} geht los, können Sie jemanden schicken?
alarm2 | Bei uns [im Laden|im Büro|im Lager] heult die Alarmanlage und ich bin nicht vor Ort.
alarm3 | Der Bewegungsmelder bei {site.dat} hat ausgelöst und die App zeigt Alarm.
alarm4 | Ich krieg seit {ago} Alarm aufs Handy von {site.dat}, da muss jemand hin.
brk1 | Ich bin gerade ins Büro gekommen, da ist eingebrochen worden, die Tür ist aufgebrochen.
brk2 | Unser Lager wurde aufgebrochen, es fehlt Ware, der Einbrecher ist weg.
brk3 | Bei uns im Laden ist heute Nacht die Scheibe eingeschlagen worden, [alles ist verwüstet|die Kasse ist weg].
brk4 | Bei {site.dat} ist der Zaun aufgeschnitten und zwei Baumaschinen fehlen.
brk5 | Ich komm nach Hause und die Terrassentür ist aufgehebelt, die Schubladen sind alle raus, der ist aber weg.

# ---------- P1: IT total outage / ransomware ----------
@ I 1 rp n5e4a1
it1 | Bei uns geht gar nichts mehr, kein Server, kein Internet, keiner kann arbeiten.
it2 | Alle Rechner zeigen eine Lösegeldforderung, die Dateien sind verschlüsselt.
it3 | Ich glaube, wir haben einen Trojaner, alle Dateien auf dem Server heißen jetzt komisch und gehen nicht mehr auf.
it4 | Totalausfall bei uns in [der Praxis|der Kanzlei|dem Büro|der Filiale], die ganze IT ist tot.
it5 | Der Server ist abgestürzt und das ganze Büro steht still, {n} Leute sitzen rum.
it6 | Erpressungstrojaner! Auf allen Bildschirmen steht, wir sollen Bitcoin zahlen.
it7 | Hier ist {firm}, bei uns ist {since} das komplette Netzwerk weg, Telefon, Kasse, alles.
it8 | Keiner kommt mehr ins System, die Kasse geht nicht, die Telefone sind tot, wir können den Laden zumachen.
it9 | Auf dem Server ist alles verschlüsselt und die Backups sind auch weg.
@ S* 1 rp n5e5
mix9 | Ich wollte eigentlich nur nach der Rechnung fragen, aber jetzt läuft grad Wasser aus der Decke.
mix10 | Ich möchte einen Mitarbeiter sprechen, bei uns ist ein Rohrbruch.
mix11 | Kein Gas, nichts brennt, aber der Keller läuft gerade voll Wasser.
mix12 | Ich will mich eigentlich beschweren, aber jetzt ist das Rohr schon wieder geplatzt und es läuft überall.

# ---------- P2 ----------
@ S 2 rp n6e4
p2toil1 | Unser einziges Klo ist verstopft, sonst ist alles okay.
p2toil2 | Die Toilette ist verstopft, nichts läuft ab, aber es läuft nix über.
p2toil3 | Das WC ist total dicht, wir haben nur das eine, [können Sie heute noch kommen|wann kann jemand kommen]?
p2toil4 | Klo verstopft, Pümpel hilft nicht, wir haben {n} Leute im Haus.
p2hot1 | Wir haben kein warmes Wasser {since}.
p2hot2 | {appl.nom} macht kein warmes Wasser mehr, kalt geht aber.
p2hot3 | Kein Warmwasser, duschen geht nicht, die Heizung läuft aber.
p2hot4 | Aus dem Hahn kommt nur noch kaltes Wasser, [der Durchlauferhitzer|die Therme] springt nicht an.
p2valve1 | Das Rohr {in_room} war undicht, ich hab den Haupthahn zugedreht, jetzt kommt nichts mehr, aber wir brauchen ja Wasser.
p2valve2 | Ich hab das Eckventil zugedreht, jetzt ist es dicht, aber es muss heute noch jemand kommen.
p2valve3 | Unter der Spüle war ein Leck, ich hab das Wasser abgestellt, jetzt ist erstmal Ruhe.
p2valve4 | Der Schlauch von {appl.dat} war undicht, Wasser ist abgedreht, aufgewischt hab ich auch schon.
@ S 2 rp n7e3 h
p2summer1 | Die Therme ist aus, Heizung brauchen wir im Sommer ja nicht, aber es gibt kein warmes Wasser.
p2summer2 | Kein Rohrbruch, nichts läuft aus, aber {since} haben wir kein Warmwasser.
p2summer3 | Das Wasser läuft nicht mehr aus, ich hab zugedreht, also kein Notfall mehr, aber heute sollte schon noch jemand kommen.
@ K 2 ap n5e4a1
p2law1 | Ich brauche heute noch einen Termin, die Frist für [den Widerspruch|die Klageerwiderung|die Berufung] läuft morgen ab.
p2law2 | Kann ich heute noch bei {lawyer} vorbeikommen? Morgen ist die Frist wegen {legal}.
@ K 2 rp n5e4a1
p2law3 | Morgen läuft die Frist ab und ich weiß nicht, was ich machen soll, [der Brief lag im Urlaub im Kasten|ich hab das total verpeilt].
p2law4 | Ich hab morgen früh Gerichtstermin wegen {legal} und hab noch keinen Anwalt.
p2law5 | Die Kündigungsschutzklage muss bis morgen raus, sonst ist alles zu spät.
p2law6 | Der Gerichtsvollzieher kommt morgen früh und ich hab nichts dagegen unternommen.
@ K 2 lm n6e4
p2law7 | Bitte sagen Sie {lawyer}, dass ich heute noch einen Rückruf brauche, morgen ist die Frist.
p2law8 | Richten Sie bitte aus, dass ich dringend heute Rückruf brauche, Aktenzeichen {akte}, Frist morgen.
@ K 2 rh n5e5
p2law9 | Ich will sofort mit einem Anwalt sprechen, morgen ist die Frist.
p2law10 | Verbinden Sie mich bitte mit {lawyer}, das ist dringend, morgen ist Verhandlung.
@ I 2 rp n6e4
p2it1 | Bei uns gehen {since} bei allen die E-Mails nicht, sonst läuft alles.
p2it2 | Ich hab aus Versehen auf einen Link in einer komischen Mail geklickt und meine Zugangsdaten eingegeben.
p2it3 | Ein Rechner hat eine Virusmeldung gezeigt, den hab ich sofort vom Netz genommen, die anderen laufen.
p2it4 | Der Drucker für die Lieferscheine geht nicht und heute Nachmittag kommt der Laster.
p2it5 | Das VPN geht nicht, {n} Leute im Homeoffice kommen nicht rein, im Büro geht's aber.
@ W 2 rp n6e4
p2sec1 | Das Tor vom Gelände schließt nicht mehr, [heute Nacht muss das gesichert sein|bis heute Abend muss das zu sein].
p2sec2 | Die Alarmanlage lässt sich nicht mehr scharf schalten und wir machen heute Abend zu.
p2sec3 | Eine Kamera bei {site.dat} ist ausgefallen, der Rest läuft, aber heute Nacht brauchen wir die.
@ W 2 ap n7e3
p2sec4 | Unser Wachmann für heute Abend hat abgesagt, wir brauchen heute noch Ersatz.
p2sec5 | Wir brauchen heute Nacht kurzfristig einen Wachdienst für {site.akk}, das Schloss ist kaputt.
@ A 2 po n6e4
p2apo1 | Ich brauche heute noch {rx}, ich hab nur noch eine Tablette für morgen früh.
p2apo2 | {kid.nom} hat eine Mittelohrentzündung, ich brauche das Antibiotikum heute noch, kann das geliefert werden?
p2apo3 | Können Sie mir das Rezept heute noch liefern? Ich komm nicht aus dem Haus und hab kaum noch was von {rx.dat}.

# ---------- P3 sanitaer: routine problems (several are hard negatives) ----------
@ S 3 rp n8e2 h
p3drip1 | Der Wasserhahn {in_room} tropft [seit ein paar Tagen|ständig|die ganze Nacht], das nervt.
p3drip2 | Bei uns tropft der Hahn in der Küche, kein Notfall, aber kann sich das mal jemand ansehen?
p3rad1 | Ein Heizkörper {in_room} bleibt kalt, die anderen werden warm.
p3rad2 | Der Heizkörper im Schlafzimmer wird nur oben warm, [der gluckert auch so|die anderen gehen].
p3sink1 | Das Waschbecken im Bad läuft schlecht ab, die Küche und die Dusche gehen aber.
p3sink2 | Die Spüle ist verstopft, aber wir haben noch ein zweites Waschbecken, eilt also nicht.
p3cist1 | Der Spülkasten läuft ständig nach, man hört es die ganze Zeit rauschen.
p3fixed1 | Es hat kurz getropft, aber jetzt ist alles trocken.
p3fixed2 | Die Heizung war heute Morgen aus, aber jetzt läuft sie wieder, sollte man das mal prüfen?
p3fixed3 | Heute früh kam kurz braunes Wasser aus dem Hahn, jetzt ist es wieder klar.
p3fixed4 | Das Klo war verstopft, hab's mit dem Pümpel frei bekommen, aber es gluckert noch.
p3summer1 | Die Heizung geht nicht, aber ist ja Sommer, eilt nicht, warmes Wasser haben wir.
p3summer2 | Die Heizung springt nicht an, wir brauchen sie aber erst im Herbst wieder, kann sich das mal jemand ansehen?
p3press1 | Der Druck an der Heizung ist auf 0,8 Bar gefallen, muss ich da was nachfüllen?
p3press2 | Die Therme zeigt einen Fehlercode, heizt aber ganz normal.
p3show1 | Der Duschkopf ist total verkalkt und die Silikonfuge in der Dusche ist schimmelig.
p3noise1 | Die Rohre klopfen nachts immer so laut, wenn die Heizung anspringt.
p3flush1 | Die Spülung vom Gäste-WC geht schwer, aber das Klo im Bad geht normal.
@ S 3 rp n7e3 h
neg1 | Kein Rohrbruch, [ich möchte nur ein Angebot|nur eine Frage], der Hahn in der Küche tropft halt.
neg2 | Nichts Schlimmes, nur ein kleiner feuchter Fleck unterm Waschbecken, der ist schon seit Monaten da.
neg3 | Es ist nichts kaputt, ich wollte nur, dass mal jemand die Heizkörper entlüftet.

# ---------- P3 sanitaer: appointments, orders, info, complaints ----------
@ S 3 ap n9e1
s_app1 | Ich hätte gern einen Termin für die [Heizungswartung|Thermenwartung|jährliche Wartung].
s_app2 | Können wir den Termin am {weekday} verschieben? Da bin ich doch nicht da.
s_app3 | Ich muss den Termin {future} leider absagen.
s_app4 | Der Wasserhahn tropft, können wir einen Termin {future} machen?
s_app5 | Wann hätten Sie Zeit, um bei uns die Gastherme zu warten? Gerne {future}.
s_app6 | Ich bräuchte jemanden, der {future} mal die Heizkörper entlüftet und die Anlage durchcheckt.
s_app7 | Könnten Sie {future} {clock} vorbeikommen und sich das Bad für die Sanierung anschauen?
s_app8 | Ich möchte einen Termin für den Schornsteinfeger-Check der Therme, ist {future} möglich?
@ S 3 po n
s_ord1 | Ich möchte {part} bestellen.
s_ord2 | Haben Sie {part} da? Dann würde ich das gern bestellen.
s_ord3 | Ich bräuchte {part}, kann ich das [abholen|bei Ihnen reservieren|liefern lassen]?
s_ord4 | Bestellung für {name}: {part} und [einen Perlator|eine Dichtung], bitte.
s_ord5 | Können Sie mir {part} zurücklegen? Ich komm {future} vorbei.
@ S 3 in n h
s_info1 | Was kostet bei Ihnen der Notdienst am Wochenende?
s_info2 | Was würde mich ein Notdiensteinsatz bei einem Rohrbruch kosten, nur mal so gefragt?
s_info3 | Ich hab eine Frage zur Rechnung vom Rohrbruch {past}, [wo bleibt die|die ist noch nicht da|was ist diese Position Anfahrt].
s_info4 | Der Rohrbruch {past}, wo bleibt die Rechnung? Die brauche ich für die Versicherung.
s_info5 | Ich möchte eine neue Gastherme einbauen lassen, was kostet so was ungefähr?
s_info6 | Wegen dem Wasserschaden {past}, können Sie mir ein Schreiben für die Versicherung schicken?
s_info7 | Sie haben {past} den Wasserrohrbruch bei uns repariert, ich brauche noch die Rechnungsnummer.
@ S 3 in n
s_info8 | Wie lange haben Sie heute geöffnet?
s_info9 | Machen Sie auch Badsanierungen?
s_info10 | Ich hätte gern ein Angebot für [eine neue Dusche|ein barrierefreies Bad|einen neuen Heizkessel|eine Wärmepumpe].
s_info11 | Wo genau ist Ihre Werkstatt? Ich will {part} abholen, aber erst mal wissen, wo.
s_info12 | Kommen Sie auch nach {city} raus?
s_info13 | Gibt es für den Heizungstausch eine Förderung, wissen Sie das?
@ S 3 co n4e6
s_comp1 | Der Monteur war {past} da, seitdem tropft es wieder, das ärgert mich schon.
s_comp2 | Ihr Techniker hat {past} den ganzen Flur dreckig hinterlassen.
s_comp3 | Die Rechnung ist viel zu hoch für zwanzig Minuten Arbeit.
s_comp4 | Ihr Kollege sollte {past} kommen und ist einfach nicht aufgetaucht, ich hab den ganzen Tag gewartet.
s_comp5 | Die Dichtung, die Sie {past} eingebaut haben, ist schon wieder kaputt.
s_comp6 | Der Notdienst {past} war total unfreundlich und hat dann auch noch das Doppelte berechnet.

# ---------- P3 pharmacy ----------
@ A 3 po n
a_ord1 | Ich möchte {apo} reservieren.
a_ord2 | Können Sie mir {apo} zurücklegen? Ich hol's {future} ab.
a_ord3 | Ich hätte gern {apo} und {apo2}, [zum Abholen|mit Lieferung], bitte.
a_ord4 | Ich hab ein Rezept für {rx}, können Sie das bestellen?
a_ord5 | Liefern Sie auch nach Hause? Dann hätte ich gern {apo}.
a_ord6 | Bestellung auf den Namen {name}: {apo}.
a_ord8 | Ich brauch was gegen Halsschmerzen, so Lutschtabletten, die würd ich dann {future} abholen.
@ A 3 po n h
a_ord7 | Ich hätte gern ein Mittel gegen Sodbrennen, mir brennt nach dem Essen immer so der Magen.
a_ord9 | Ich möchte mein Insulin für nächsten Monat vorbestellen, ich hab noch genug da.
a_ord10 | Ich hab mich gestern leicht am Herd verbrannt, haben Sie da eine Brandsalbe? Die würd ich gern reservieren.
a_ord11 | Ich bräuchte einen Erste-Hilfe-Kasten fürs Auto, der alte ist abgelaufen.
a_ord12 | Einmal das Notfallspray nachbestellen bitte, ich hab noch eins, das ist nur für die Reserve.
@ A 3 os n5e2
a_stat1 | Ist mein Rezept schon da?
a_stat2 | Ist meine Bestellung fertig? Auf den Namen {name}.
a_stat3 | Wann kommt die Lieferung mit {rx.dat}?
a_stat4 | Ich hab {past} {apo} bestellt, ist das inzwischen angekommen?
a_stat5 | Kann ich die Sachen für {name} schon abholen?
a_stat6 | Wo bleibt meine Lieferung? Die sollte {clock} kommen.
@ A 3 os e
a_stat7 | Jetzt warte ich schon drei Tage auf {rx}, das kann doch nicht so lange dauern!
@ A 3 in n
a_info1 | Welche Apotheke hat heute Nacht Notdienst?
a_info2 | Wie lange haben Sie am Samstag auf?
a_info3 | Haben Sie {apo} vorrätig?
a_info4 | Kann ich Ibuprofen und Paracetamol zusammen nehmen?
a_info5 | {kid.nom} hat leichtes Fieber, was kann ich da geben?
a_info6 | Was kostet bei Ihnen die Lieferung?
a_info7 | Kann man bei Ihnen auch mit Karte zahlen?
a_info8 | Ist das Medikament auch ohne Rezept zu bekommen?
@ A 3 ap n
a_app1 | Ich möchte einen Termin für die Grippeimpfung.
a_app2 | Kann ich {future} zur Blutdruckmessung vorbeikommen?
a_app3 | Ich bräuchte einen Termin zum Anmessen von Kompressionsstrümpfen.
a_app4 | Ich muss meinen Impftermin {future} verschieben.
@ A 3 co n3e7
a_comp1 | Sie haben mir das falsche Medikament mitgegeben, das ist nicht das, was auf dem Rezept steht.
a_comp2 | Die Lieferung {past} kam zwei Stunden zu spät und der Bote war unfreundlich.
a_comp3 | Bei Ihnen ist es immer so voll und das Personal ist genervt, das muss ich mal loswerden.
@ A 3 lm n
a_msg1 | Können Sie der Apothekerin ausrichten, dass sie mich wegen {rx.dat} zurückruft?
a_msg2 | Ich wollte nur Bescheid geben, dass {fam.nom} die Bestellung {future} abholt.

# ---------- P3 law firm ----------
@ K 3 ap n8e2
k_app1 | Ich hätte gern einen Termin für eine Erstberatung wegen {legal}.
k_app2 | Kann ich meinen Termin bei {lawyer} verschieben? {future} würde besser passen.
k_app3 | Ich muss den Termin {future} absagen.
k_app4 | Ich brauche Beratung wegen {legal}, wann hätten Sie einen Termin frei?
@ K 3 in n
k_info1 | Was kostet bei Ihnen eine Erstberatung?
k_info2 | Machen Sie auch [Familienrecht|Arbeitsrecht|Mietrecht|Erbrecht|Verkehrsrecht]?
k_info3 | Wo ist Ihre Kanzlei genau und gibt es da Parkplätze?
k_info4 | Übernimmt die Rechtsschutzversicherung das bei Ihnen?
k_info5 | Ich hab eine Frage zu Ihrer Rechnung, Aktenzeichen {akte}.
@ K 3 in n6e4 h
k_dl1 | Die Frist läuft erst [nächsten Monat|Ende nächsten Monats|in vier Wochen] ab, aber ich wollte mich rechtzeitig melden.
k_dl2 | Ich hab einen Bescheid bekommen, Widerspruchsfrist ist in drei Wochen, was muss ich da tun?
k_dl3 | Was passiert eigentlich, wenn man festgenommen wird? Nur allgemein gefragt.
k_dl4 | Die Hausdurchsuchung war vor zwei Monaten, jetzt kam ein Brief von der Staatsanwaltschaft.
k_dl5 | Mein Nachbar wurde {past} verhaftet, ich hab da nur eine allgemeine Frage.
k_dl6 | Ich wurde {past} als Zeuge vorgeladen, muss ich da hin?
@ K 3 ap n5e5 h
k_fig1 | Mein Chef bringt mich noch um mit den Überstunden, ich brauche eine Beratung im Arbeitsrecht.
k_fig2 | Mein Vermieter macht mich fertig, der will mich raushaben, ich hätte gern einen Termin.
k_fig3 | Mir platzt der Kopf wegen {legal}, kann ich {future} einen Termin haben?
@ K 3 lm n
k_msg1 | Bitte Rückruf von {lawyer} wegen meiner Akte, Aktenzeichen {akte}.
k_msg2 | Können Sie {lawyer} ausrichten, dass ich die Unterlagen zu {legal} geschickt habe?
k_msg3 | Ich möchte eine Nachricht für {lawyer} hinterlassen, bitte um Rückruf unter {phone}.
k_msg4 | Sagen Sie bitte {lawyer}, dass die Gegenseite angerufen hat.
@ K 3 co n2e8
k_comp1 | Ich warte seit drei Wochen auf eine Rückmeldung von {lawyer}.
k_comp2 | Die Rechnung ist unverschämt, das war ein Gespräch von zehn Minuten.
k_comp3 | Keiner ruft mich zurück, ich hab schon fünf Mal angerufen wegen {legal}.
@ K 3 rh n6e4
k_rh1 | Kann ich {lawyer} persönlich sprechen?
k_rh2 | Ich möchte bitte mit [einer Anwältin|einem Anwalt|jemandem aus der Kanzlei] sprechen, nicht mit dem Computer.
k_rh3 | Verbinden Sie mich bitte mit dem Sekretariat.

# ---------- P3 security ----------
@ W 3 ap n
w_app1 | Wir brauchen für {event} am {day}. {month} [zwei|drei|vier] Sicherheitsleute.
w_app2 | Ich möchte einen Wachdienst für {site.akk} buchen, [jeden Freitag|über Weihnachten|für zwei Wochen].
w_app3 | Können wir die Schlüsselübergabe für {site.akk} verschieben, vielleicht auf {weekday}?
w_app4 | Ich muss die Revierfahrt {future} absagen, wir haben da offen.
w_app5 | Ich hätte gern einen Termin für die Wartung der Alarmanlage.
@ W 3 in n h
w_info1 | Wir testen morgen die Alarmanlage, wie müssen wir das bei Ihnen anmelden?
w_info2 | Was kostet ein Objektschutz für eine Baustelle pro Nacht?
w_info3 | Wenn die Alarmanlage losgeht, wie schnell sind Sie dann da?
w_info4 | Machen Sie auch Brandwachen bei Veranstaltungen?
w_info5 | Der Einbruch {past} ist erledigt, die Polizei war da, ich brauch nur noch Ihren Bericht für die Versicherung.
@ W 3 rp n h
w_fals1 | Die Alarmanlage hatte gestern Nacht einen Fehlalarm, jetzt ist alles ruhig, können Sie die mal prüfen?
w_fals2 | Wir haben die Alarmanlage aus Versehen selbst ausgelöst, alles in Ordnung, kein Einbruch.
w_fals3 | Der Rauchmelder im Büro piept alle paar Minuten, ich glaub, die Batterie ist leer.
@ W 3 po n h
w_ord1 | Ich möchte {secitem} bestellen.
w_ord2 | Können Sie uns {secitem} liefern und montieren?
w_ord3 | Wir bräuchten noch {secitem} für {site.akk}.
@ W 3 co n3e7
w_comp1 | Ihr Wachmann hat letzte Nacht bei {site.dat} geschlafen, das haben wir auf der Kamera.
w_comp2 | Der Sicherheitsdienst für {event} kam eine Stunde zu spät.
w_comp3 | Wir zahlen für Revierfahrten, aber laut Protokoll war {past} keiner da.
@ W 3 lm n
w_msg1 | Bitte richten Sie der Einsatzleitung aus, dass der Code für {site.akk} geändert wurde.
w_msg2 | Ich möchte eine Nachricht hinterlassen, {name} von der Firma {name2}, bitte um Rückruf wegen des Vertrags.

# ---------- P3 IT ----------
@ I 3 po n
i_ord1 | Wir möchten {hw} bestellen.
i_ord2 | Können Sie uns ein Angebot schicken und dann gleich {hw} liefern?
i_ord3 | Ich bräuchte {hw} für unser Büro, bitte bestellen.
i_ord4 | Bestellung für {firm}: {hw}.
@ I 3 os n6e4
i_stat1 | Wo bleiben die Laptops, die wir {past} bestellt haben?
i_stat2 | Wir haben {past} {hw} bestellt, ist das schon unterwegs?
i_stat3 | Wann kommt denn der neue Drucker? Der sollte {past} schon da sein.
@ I 3 rp n7e3
i_p3a | Mein Drucker druckt nicht mehr, die anderen können aber drucken.
i_p3b | Outlook stürzt bei mir dauernd ab, bei den Kollegen geht's.
i_p3c | Ich hab mein Passwort vergessen und komm nicht mehr in mein Konto.
i_p3d | Mein Laptop ist so langsam geworden, kann sich das mal jemand anschauen?
i_p3e | Die Webcam von meinem Rechner geht nicht, {future} hab ich eine Videokonferenz.
@ I 3 rp n h
i_neg1 | Kein Notfall, nur ne Frage zum Backup, läuft das eigentlich jede Nacht?
i_neg2 | Der Server war heute früh kurz weg, läuft jetzt aber wieder, wollte ich nur melden.
i_neg3 | Ich hab eine Phishing-Mail bekommen, aber nicht geklickt, nur zur Info.
i_neg4 | Das Internet war {past} mal kurz weg, jetzt geht's wieder, nur dass Sie Bescheid wissen.
@ I 3 in n h
i_info1 | Wir hätten gern eine Schulung zu Ransomware und Phishing für unsere Mitarbeiter, was kostet das?
i_info2 | Was kostet bei Ihnen ein Wartungsvertrag für {n} Arbeitsplätze?
i_info3 | Machen Sie auch Telefonanlagen?
i_info4 | Wie sind Sie bei einem Totalausfall erreichbar, auch am Wochenende?
i_info5 | Ich hab eine Frage zur Rechnung von {past}, da steht eine Position Virenentfernung drauf.
@ I 3 ap n
i_app1 | Wir hätten gern einen Termin für die Einrichtung von {hw}.
i_app2 | Kann der Techniker {future} {clock} kommen, um den neuen Arbeitsplatz einzurichten?
i_app3 | Den Wartungstermin {future} müssen wir leider verschieben.
@ I 3 co n3e7
i_comp1 | Ihr Techniker war {past} da und seitdem geht der Scanner nicht mehr.
i_comp2 | Wir warten seit Tagen auf Rückmeldung zu unserem Ticket.
i_comp3 | Die Rechnung für die Wartung ist doppelt so hoch wie im Angebot.
@ I 3 lm n
i_msg1 | Bitte sagen Sie {vorname} aus dem Support, dass ich wegen des Tickets um Rückruf bitte.
i_msg2 | Nachricht für den Techniker: der Schlüssel für den Serverraum liegt beim Empfang.

# ---------- P3 generic: request human, messages, other ----------
@ * 3 rh n6e4
rh1 | Ich will einen Menschen sprechen.
rh2 | Mitarbeiter bitte.
rh3 | Verbinden Sie mich mit [jemandem Echtem|einem richtigen Menschen|einem Mitarbeiter].
rh4 | Ich rede nicht mit einer Maschine, geben Sie mir einen Menschen.
rh5 | Kann ich bitte mit einer echten Person sprechen?
rh6 | Ich möchte mit Ihrem Chef sprechen.
rh7 | Gibt es da auch einen Menschen oder nur Sie?
@ * 3 rh e
rh8 | Verdammt nochmal, ich will endlich einen Menschen sprechen!
rh9 | Sie verstehen mich nicht, holen Sie jetzt einen Mitarbeiter!
rh10 | Zum dritten Mal, ich will einen Mitarbeiter, keinen Computer!
@ * 3 rh n b x=10
rh11 | [Mitarbeiter.|Mensch.|Agent.|Mitarbeiter bitte.|Einen Menschen bitte.|Kundenservice.]
@ * 3 lm n
msg1 | Ich möchte eine Nachricht hinterlassen, bitte rufen Sie mich unter {phone} zurück.
msg2 | Können Sie ausrichten, dass {fullname} angerufen hat?
msg3 | Ich wollte nur sagen, dass ich {future} nicht kann, bitte weitergeben.
msg4 | Bitte um Rückruf, es geht um ein Angebot, Nummer {phone}.
@ * 3 ot n
oth1 | Sind Sie ein Roboter?
oth2 | Ach, ich weiß gar nicht mehr, warum ich anrufe.
oth3 | Wie geht's Ihnen denn so?
oth4 | Ja also wegen dem Ding von letztens, Sie wissen schon.
oth5 | Mit wem spreche ich denn da eigentlich?
oth6 | Können Sie mich verstehen? Ich bin etwas schwerhörig.
@ SN 3 ot n h
fig1 | Ich brenne darauf, dass das neue Bad fertig wird, das wollte ich nur mal sagen.
fig2 | Mein Kopf explodiert gleich vor lauter Arbeit, ich ruf später nochmal an.
@ * 3 ot n h
fig3 | Unser neues Produkt schlägt ein wie eine Bombe, ich wollte mich nur mal bedanken.
fig4 | Bei uns brennt gerade die Hütte, so viel zu tun, aber ich weiß gar nicht mehr, was ich wollte.

# ---------- P4 ----------
@ * 4 ot n
p4sales1 | Guten Tag, ich rufe von [Energiesparen 24|Solar Nord|der Firma Stromblitz|einem Vertriebspartner der Stadtwerke] an, haben Sie Interesse an einem neuen Stromvertrag?
p4sales2 | Hallo, hier ist die Energieberatung, wir machen gerade eine Umfrage zu Ihren Heizkosten.
p4sales3 | Wir bieten günstige Solaranlagen an, haben Sie kurz zwei Minuten?
p4sales4 | Ich möchte Ihnen unser neues Angebot für Firmenhandys vorstellen.
p4sales5 | Guten Tag, wir verkaufen Werbeanzeigen im Branchenbuch, wollen Sie einen Eintrag?
p4robo1 | Dies ist eine automatische Nachricht. Ihr Paket konnte nicht zugestellt werden, drücken Sie die Eins.
p4robo2 | Herzlichen Glückwunsch, Sie haben gewonnen! Um Ihren Preis abzuholen, drücken Sie die Taste zwei.
p4robo3 | Achtung, Ihr Konto wurde gesperrt, bitte rufen Sie sofort unter folgender Nummer zurück.
p4wrong1 | Ist da die Pizzeria?
p4wrong2 | Oh, falsch verbunden, Entschuldigung.
p4wrong3 | Ich wollte eigentlich {fullname} anrufen, bin ich da falsch?
p4wrong4 | Ist da nicht die Zahnarztpraxis? Ach so, dann hab ich mich verwählt.
p4prank1 | Ist Ihr Kühlschrank am Laufen? Dann fangen Sie ihn doch ein!
p4prank2 | Hallo, hier ist der Weihnachtsmann, hihi.
@ * 4 ot n h
p4prank3 | Haben Sie Gas? Dann zünden Sie's doch an, haha.
p4prank4 | Hier brennt's, nein Quatsch, war nur Spaß, tschüss.
p4sales6 | Wir haben ein heißes Angebot für Rauchmelder, da brennt nichts an, nur der Preis!
@ * 4 ot n b x=8
p4sil1 | [Hallo hallo|Hallo? Hallo?|Hallo, hallo, ist da jemand?|Hallo, hören Sie mich? Hallo?]
p4sil2 | [Ähm|Äh|Hm|Äh, ähm|Ähm ja]
p4sil3 | [Test, eins, zwei|Test test|Eins zwei drei, Test]
"""


# ----------------------------------------------------------------------------------------------
# English templates
# ----------------------------------------------------------------------------------------------

TEMPLATES_EN = r"""
# ---------- P0: gas, CO ----------
@ SSS* 0 rp n5e3a2
gas1 | There's a [really strong|strong|horrible] smell of gas [in the stairwell|in the kitchen|in the basement|in the whole flat].
gas2 | I can smell gas in the {room}, what do I do?
gas3 | It smells like rotten eggs near the cooker, I think it's gas.
gas4 | {name} here at {street}, the whole building smells of gas.
gas5 | The gas boiler is hissing and there's a gas smell coming from it.
gas6 | I just came home and the flat absolutely reeks of gas.
gas7 | My neighbour says there's a gas smell in the hallway, should we get out?
gas8 | Gas leak, I think, the smell is getting stronger {since}.
@ S 0 rp n6e4
gas9 | I was only going to order {part} but hang on, I can smell gas.
gas10 | I'm calling about the boiler service actually, but there's a weird gas smell in the {room} right now.
gas11 | Quick question about my invoice, and um, it smells a lot like gas in here, is that normal?
@ * 0 rp n4e4a2
co1 | The carbon monoxide alarm keeps going off and I feel [dizzy|really sick].
co2 | Our CO detector is beeping like crazy and {fam.nom} has a splitting headache.
co3 | The CO alarm is going off in the {room} where the boiler is.
co4 | I feel sick and dizzy and the carbon monoxide detector won't stop beeping.
co5 | The CO monitor is showing a high reading and [the kids are really drowsy|we all feel nauseous].

# ---------- P0: fire and smoke ----------
@ * 0 rp a
fire1 | There's a fire in the {room}! It's burning!
fire2 | Fire! The [kitchen|garage|living room|basement] is on fire, [the flames are huge|there's smoke everywhere]!
fire3 | The pan caught fire and now the whole extractor hood is burning.
fire4 | Our building is on fire and we can't get out, the stairwell is full of smoke.
fire5 | The [shed|garage|boiler room] is burning and {fam.nom} is still inside!
@ * 0 rp n4e4a2
smoke1 | There's smoke coming out of the socket in the {room} and it smells burnt.
smoke2 | The boiler room is full of smoke, [i can barely see|it's really smoky].
smoke3 | There are [sparks|flames] coming out of the boiler and it's smoking.
smoke4 | Smoke is coming from under my neighbour's door and nobody's answering.
smoke5 | The smoke alarm is going off and there's a real smell of burning.
smoke6 | Something's burning in the fuse box, I can see smoke.
@ I 0 rp n5e4a1
smoke7 | The server rack is smoking, [it smells like burnt plastic|the smoke alarm is going].
smoke8 | A laptop battery just caught fire in our office and it's smoking like mad.
@ W 0 rp n5e3a2
smoke9 | I'm the guard at {site}, there's a fire in the main hall.
smoke10 | I can see smoke coming out of the roof at {site} on the camera.

# ---------- P0: water and electricity ----------
@ * 0 rp n4e4a2
elec1 | Water is running straight over the sockets in the {room}.
elec2 | Water is coming through the ceiling, right out of the light fitting.
elec3 | Water is dripping into the fuse box and it's crackling.
elec4 | The basement is flooded and the water is up to the plug sockets down there.
elec5 | Water is pouring into the ceiling light in the {room} and it's flickering and popping.
elec6 | {fam.nom} got an electric shock touching the wet socket.
elec7 | The washing machine leaked and there's water all round the extension lead, it's sparking.

# ---------- P0: injury, medical ----------
@ * 0 rp a
med1 | {fam.nom} fell off the ladder and {fam.he}'s bleeding a lot from the head.
med2 | {fam.nom} has collapsed and isn't responding.
med3 | {fam.nom} isn't breathing properly, {fam.his} lips are going blue.
med4 | I've got a crushing pain in my chest and my left arm is numb.
med5 | {fam.nom} is having an allergic reaction, {fam.his} face is swelling up and {fam.he} can hardly breathe.
med6 | {kid.nom} swallowed some of grandma's pills, [a whole handful|i don't know how many], what do I do?
med7 | {fam.nom} is having a seizure and it won't stop.
med8 | I think {fam.nom} is having a stroke, {fam.his} face is drooping and {fam.he} can't talk properly.
@ S* 0 rp n3e4a3
inj1 | I've cut my hand really badly on a pipe and it won't stop bleeding.
inj2 | Your plumber slipped in our basement and hit his head, he's really dazed.
inj3 | {fam.nom} got badly scalded by the boiler, the skin is blistering.
@ A 0 rp n2e4a4
med9 | I accidentally took a double dose of my blood thinners and now my nose won't stop bleeding.
med10 | {kid.nom} drank the whole bottle of fever syrup and now {kid.he}'s really drowsy.
med11 | I took the antibiotic and now my tongue is swelling up.
med12 | My mum injected her insulin and didn't eat, now she's all confused and shaky.

# ---------- P0: violence, intruder present ----------
@ * 0 rp a
viol1 | There's someone in my flat, I can hear them in the {room}.
viol2 | [My ex|My ex husband|My daughter's ex] is outside the door threatening to kill me.
viol3 | Someone is threatening [our colleague|the cashier|my coworker] with a knife.
viol4 | A guy is beating [someone|a woman] up right outside our shop, it's really bad.
viol5 | Someone kicked the door in and he's in the hallway, I've locked myself in the bathroom.
viol6 | [My husband|My boyfriend|My partner|My dad] is drunk and hitting [me|the kids], I've locked myself in.
@ W 0 rp n4e5a1
intr1 | I can see people inside {site} on the camera right now, they're forcing [the door|the containers|the shutter].
intr2 | I'm on patrol at {site} and there are two guys with torches in there, they're still inside.
intr3 | The burglar is still in the building at {site}, I can hear him, send the police.
@ W 0 rp a
intr4 | I'm alone on the night shift and there's someone [in the warehouse|in the hall|in the office] with a knife.
intr5 | Our guard at {site} is being attacked, he just screamed for help over the radio.
@ K 0 rp a
viol7 | The other party is here [in your office|in my hallway] shouting that he's going to kill me.
viol8 | My husband just hit me and he's still outside the door, I was going to call about the divorce.

# ---------- P0: hopelessness, self-harm ----------
@ * 0 rp a
self1 | I can't go on, I just don't want to live anymore.
self2 | I've taken [all my pills|the whole packet of sleeping pills].
self3 | There's no point anymore, I'm going to end it.
self4 | I don't know what to do anymore, [i want to hurt myself|i can't see a way out].
self5 | I'm standing on the bridge and [i don't know why i'm calling you|i want to jump].
self6 | Since [my divorce|i lost my job|the eviction notice|the court case|the business went bust] everything's fallen apart, I can't go on, I've got [the knife|the pills] right here.
self7 | [I can't take it anymore|I just want it all to stop], everyone would be better off without me.
@ A 0 rp a
self8 | How many of {rx} would it take to not wake up?

# ---------- P0: short and mixed ----------
@ * 0 rp a b x=6
short1 | [Fire! Fire!|It's on fire!|Help, fire!|Fire, quick!]
short2 | [Help, burglar!|Help, there's someone in the house!|Help, please, he's got a knife!]
short3 | [Help!|Help, help!|Please help me!] {fam.nom} [isn't breathing|is unconscious|is bleeding so much].
@ * 0 rp n5e5 b x=6
short4 | [Gas smell.|Smells of gas.|Gas, I smell gas.|Strong gas smell here.]
short5 | [Smoke in the {room}.|It's smoking in the {room}.|Smoke from the socket.]
@ * 0 rp a
mix1 | Quick question about your opening hours, oh wait, {fam.nom} just [collapsed|fell down]!
mix2 | I want a real person right now, the {room} is on fire!
mix3 | Get me a human, {fam.nom} isn't breathing!
@ * 0 rp n3e5a2
mix4 | I'm calling about the invoice, but actually, there's a funny gas smell in here right now, is that bad?
mix5 | I wanted to book an appointment but now the socket in the {room} is smoking!
mix6 | It's not a leak, but there's a gas smell in the basement.
mix7 | The heating's not the problem, but the CO alarm has been beeping {since}.
mix8 | Agent please, quickly, I smell gas!

# ---------- P1: burst pipe, flooding ----------
@ S 1 rp n5e3a2
flood1 | We've got a burst pipe in the {room}, water is [spraying|gushing|pouring] [everywhere|out of the wall|through the ceiling].
flood2 | The whole place is flooded, it's coming from [the bathroom|the kitchen|somewhere in the wall].
flood3 | Water is pouring through my ceiling and the neighbour upstairs isn't home.
flood4 | Pipe burst in the {room}, how do I turn the water off?
flood5 | The hose on the {appl} split and the water just keeps coming.
flood6 | Water is coming up through the floor in the {room} and it's getting worse.
flood7 | The basement is {deep} under water and it's still rising.
flood8 | The valve under the sink snapped off and I can't stop the water.
flood9 | The {appl} is leaking into the flat below us.
flood10 | I can't find the stopcock and water is shooting out of the pipe in the {room}.
flood11 | The flat is flooded, [the pipe behind the washing machine burst|some pipe has burst].
flood12 | Water is coming through the ceiling on the {floor}, [it's not dripping, it's pouring|it's like a waterfall].
flood13 | A heating pipe has burst and hot water is flooding the {room}.
flood14 | Burst pipe at {street}, {name}, please come quickly.
@ S 1 rp e5a5
flood15 | Oh no, water is [coming out everywhere|running into the stairwell], I don't know where to turn it off!
flood16 | The whole kitchen is under water, I'm standing in it up to my ankles, what do I do?

# ---------- P1: sewage ----------
@ S 1 rp n5e4a1
sew1 | Sewage is backing up in the basement, it's coming out of the floor drain.
sew2 | Dirty water is coming back up the shower and the toilet, it stinks.
sew3 | The toilet is overflowing and won't stop, there's sewage all over [the bathroom floor|the hallway].
sew4 | The drain in the cellar is spewing sewage, [there's toilet paper floating around|it's ankle deep].
sew5 | Whenever someone upstairs flushes, it all comes up our shower on the {floor}.
sew6 | After the heavy rain the sewer is coming up into our basement.

# ---------- P1: heating in cold weather, no water ----------
@ S 1 rp n5e4a1
heat1 | Our heating has completely packed up and it's {cold} outside.
heat2 | Total heating failure in the whole house, it's {indoor} inside and we've got a baby.
heat3 | The boiler shows a fault and we've had no heating {since}, it's freezing.
heat4 | No heating at all {since}, in the middle of winter.
heat5 | Everything's cold, the whole heating system is dead, and {fam.nom} is over eighty.
heat6 | Our heat pump has failed, it's {cold} outside and only {indoor} in here.
heat7 | The heating is totally gone, we're freezing, it's {cold} out.
heat8 | The oil boiler won't fire up, the whole house is cold and it's winter.
@ S 1 rp n6e4
water1 | We've got no water at all, nothing from any tap, hot or cold.
water2 | There's no water in the whole house.
water3 | No water from any tap {since}, the toilet won't even flush.
water4 | Not a drop of water in the kitchen or the bathroom, [what's going on|can you send someone].

# ---------- P1: pharmacy vital medication ----------
@ A 1 rp n5e4a1
vital1 | I urgently need insulin, mine's run out and I have to inject tonight.
vital2 | {vital.nom} {vital.is} gone and I need the next dose today.
vital3 | My son has epilepsy and we've run out of his tablets, he needs the next dose tonight.
vital4 | We need a new epipen today, the old one expired and {kid.nom} has a severe nut allergy.
vital5 | My mum is in palliative care and her pain patches have run out, they need to come today.
vital6 | I'm here on holiday and left {vital.nom} at home, I need it today, it's life saving.
vital7 | My heart medication has run out, can I get it today? I can't skip it.
vital8 | My insulin froze in the fridge, I can't use it and I need new insulin today.

# ---------- P1: law firm ----------
@ K 1 rp n3e5a2
law1 | {fam.nom} has just been arrested, the police took {fam.him} away.
law2 | The police are at the door with a search warrant.
law3 | There's a police search going on at our company right now, the prosecutors are here.
law4 | {fam.nom} has been in custody since last night, we need a lawyer right now.
law5 | I'm at the police station and I'm allowed one call, I need {lawyer}.
law6 | The tax investigators are in our office right now and want to take all the files.
law7 | I'm being arrested right now, the officers are standing next to me, what do I tell them?
law8 | The police are searching our flat right now, are they even allowed to do that?

# ---------- P1: security ----------
@ W 1 rp n5e4a1
alarm1 | The alarm is going off at {site}, can you send someone?
alarm2 | The alarm is screaming [in our shop|in the office|in the warehouse] and I'm not there.
alarm3 | The motion sensor at {site} has triggered and the app is showing an alarm.
alarm4 | I've been getting alarm notifications for {site} {since}, someone needs to go there.
brk1 | I just got to the office and someone's broken in, the door's been forced.
brk2 | Our warehouse was broken into, stock is missing, whoever did it is gone.
brk3 | Someone smashed our shop window last night, [the place is trashed|the till is gone].
brk4 | The fence at {site} has been cut and two machines are missing.
brk5 | I came home and the patio door had been forced, all the drawers are out, but they're gone.

# ---------- P1: IT ----------
@ I 1 rp n5e4a1
it1 | Nothing's working here, no server, no internet, nobody can work.
it2 | Every computer is showing a ransom note, all our files are encrypted.
it3 | I think we've got ransomware, all the files on the server have weird names and won't open.
it4 | Total outage at [our practice|our office|the shop], all the IT is down.
it5 | The server crashed and the whole office is at a standstill, {n} people sitting around.
it6 | Ransomware! Every screen says we have to pay in bitcoin.
it7 | This is {firm}, the whole network has been down {since}, phones, tills, everything.
it8 | Nobody can log in, the tills are dead, the phones are dead, we might as well close.
it9 | Everything on the server is encrypted and the backups are gone too.
@ S* 1 rp n5e5
mix9 | I only wanted to ask about the invoice but now water is pouring out of the ceiling.
mix10 | I want to speak to a person, we've got a burst pipe.
mix11 | No gas, nothing's on fire, but the basement is filling up with water.
mix12 | I was going to complain but now the pipe's burst again and it's going everywhere.

# ---------- P2 ----------
@ S 2 rp n6e4
p2toil1 | Our only toilet is blocked, everything else is fine.
p2toil2 | The toilet's blocked, nothing goes down, but it's not overflowing.
p2toil3 | The loo is completely blocked and it's the only one we've got, [can someone come today|when can someone come]?
p2toil4 | Toilet's blocked, the plunger doesn't help, there are {n} of us in the house.
p2hot1 | We've had no hot water {since}.
p2hot2 | The {appl} isn't heating water anymore, cold is fine though.
p2hot3 | No hot water, can't shower, the heating works though.
p2hot4 | Only cold water comes out of the taps, [the water heater|the boiler] won't start.
p2valve1 | The pipe in the {room} was leaking, I turned off the main stopcock, so it's stopped, but we need water.
p2valve2 | I've closed the valve and it's stopped leaking, but someone needs to come today.
p2valve3 | There was a leak under the sink, I turned the water off, it's fine for now.
p2valve4 | The {appl} hose was leaking, the water's off and I've mopped up.
@ S 2 rp n7e3 h
p2summer1 | The boiler's off, we don't need heating in summer, but there's no hot water.
p2summer2 | No burst pipe, nothing's leaking, but we've had no hot water {since}.
p2summer3 | It's not leaking anymore, I turned it off, so not an emergency, but someone should come today.
@ K 2 ap n5e4a1
p2law1 | I need an appointment today, the deadline for [the appeal|my objection|the statement of defence] is tomorrow.
p2law2 | Can I come in to see {lawyer} today? The deadline for {legal} is tomorrow.
@ K 2 rp n5e4a1
p2law3 | The deadline is tomorrow and I don't know what to do, [the letter sat in my mailbox while i was away|i completely forgot].
p2law4 | I have a court hearing tomorrow morning about {legal} and I still don't have a lawyer.
p2law5 | The unfair dismissal claim has to be filed by tomorrow or it's too late.
p2law6 | The bailiff is coming tomorrow morning and I haven't done anything about it.
@ K 2 lm n6e4
p2law7 | Please tell {lawyer} I need a call back today, the deadline is tomorrow.
p2law8 | Can you pass on that I urgently need a call back today, case number {akte}, deadline tomorrow.
@ K 2 rh n5e5
p2law9 | I need to talk to a lawyer right now, the deadline is tomorrow.
p2law10 | Put me through to {lawyer} please, it's urgent, the hearing is tomorrow.
@ I 2 rp n6e4
p2it1 | Nobody's email has worked {since}, everything else is fine.
p2it2 | I accidentally clicked a link in a dodgy email and typed in my password.
p2it3 | One computer showed a virus warning, I unplugged it straight away, the others are fine.
p2it4 | The printer for the delivery notes is down and the truck comes this afternoon.
p2it5 | The VPN is down, {n} people working from home can't get in, the office is fine.
@ W 2 rp n6e4
p2sec1 | The gate at the site won't close anymore, [it has to be secure tonight|it needs to be locked by this evening].
p2sec2 | The alarm won't arm anymore and we're closing tonight.
p2sec3 | One camera at {site} is down, the rest work, but we need it tonight.
@ W 2 ap n7e3
p2sec4 | Our guard for tonight cancelled, we need a replacement today.
p2sec5 | We need a guard at {site} tonight at short notice, the lock is broken.
@ A 2 po n6e4
p2apo1 | I need {rx} today, I've only got one tablet left for tomorrow morning.
p2apo2 | {kid.nom} has an ear infection, I need the antibiotic today, can you deliver?
p2apo3 | Can you deliver my prescription today? I can't leave the house and I'm almost out of {rx}.

# ---------- P3 plumbing: routine problems ----------
@ S 3 rp n8e2 h
p3drip1 | The tap in the {room} is dripping [for a few days now|constantly|all night], it's annoying.
p3drip2 | Our kitchen tap drips, not an emergency, but could someone have a look?
p3rad1 | One radiator in the {room} stays cold, the others are warm.
p3rad2 | The bedroom radiator only gets warm at the top, [it gurgles too|the others are fine].
p3sink1 | The bathroom sink drains slowly, the kitchen and the shower are fine.
p3sink2 | The kitchen sink is blocked but we've got another sink, so no rush.
p3cist1 | The cistern keeps running, you can hear it all the time.
p3fixed1 | It dripped for a bit but it's all dry now.
p3fixed2 | The heating was off this morning but it's back on now, should someone check it?
p3fixed3 | Brown water came out of the tap this morning, it's clear again now.
p3fixed4 | The toilet was blocked but I sorted it with the plunger, it still gurgles though.
p3summer1 | The heating isn't working, but it's summer so no rush, we've got hot water.
p3summer2 | The heating won't come on, but we won't need it till autumn, could someone look at it?
p3press1 | The boiler pressure has dropped to 0.8 bar, do I need to top it up?
p3press2 | The boiler is showing an error code but it's heating normally.
p3show1 | The shower head is full of limescale and the silicone is mouldy.
p3noise1 | The pipes bang loudly at night when the heating comes on.
p3flush1 | The flush on the downstairs loo is stiff, the upstairs one is fine.
@ S 3 rp n7e3 h
neg1 | No leak, [i just want a quote|just a question], the kitchen tap is dripping.
neg2 | Nothing serious, just a small damp patch under the sink, it's been there for months.
neg3 | Nothing's broken, I just want someone to bleed the radiators.

# ---------- P3 plumbing: appointments, orders, info, complaints ----------
@ S 3 ap n9e1
s_app1 | I'd like to book [a boiler service|the annual heating service|a gas safety check].
s_app2 | Can we move the appointment on {weekday}? I won't be in.
s_app3 | I need to cancel the appointment {future}.
s_app4 | The tap is dripping, can we book an appointment {future}?
s_app5 | When could you come and service the boiler? {future} would be good.
s_app6 | I need someone to bleed the radiators and check the system {future}.
s_app7 | Could you come {future} {clock} and look at the bathroom for the renovation?
@ S 3 po n
s_ord1 | I'd like to order {part}.
s_ord2 | Do you have {part} in stock? I'd like to order one.
s_ord3 | I need {part}, can I [pick it up|reserve it|have it delivered]?
s_ord4 | Order for {name}: {part} and [an aerator|a washer], please.
s_ord5 | Could you put {part} aside for me? I'll come by {future}.
@ S 3 in n h
s_info1 | How much is your emergency call out at the weekend?
s_info2 | What would an emergency visit for a burst pipe cost, just asking?
s_info3 | I have a question about the invoice for the burst pipe {past}, [where is it|it hasn't arrived|what's this travel charge].
s_info4 | The burst pipe {past}, where is the invoice? I need it for the insurance.
s_info5 | I'd like to have a new gas boiler fitted, roughly how much would that cost?
s_info6 | About the water damage {past}, can you send me a letter for the insurance?
s_info7 | You fixed our burst pipe {past}, I need the invoice number.
@ S 3 in n
s_info8 | What time are you open till today?
s_info9 | Do you do bathroom renovations?
s_info10 | I'd like a quote for [a new shower|an accessible bathroom|a new boiler|a heat pump].
s_info11 | Where exactly is your workshop? I want to pick up {part}.
s_info12 | Do you cover {city}?
s_info13 | Is there any subsidy for replacing the heating, do you know?
@ S 3 co n4e6
s_comp1 | Your plumber was here {past} and now it's dripping again, that's annoying.
s_comp2 | Your technician left the whole hallway filthy {past}.
s_comp3 | The invoice is way too high for twenty minutes of work.
s_comp4 | Your guy was supposed to come {past} and never showed up, I waited all day.
s_comp5 | The seal you fitted {past} has already gone again.
s_comp6 | The emergency plumber {past} was really rude and then charged double.

# ---------- P3 pharmacy ----------
@ A 3 po n
a_ord1 | I'd like to reserve {apo}.
a_ord2 | Could you put aside {apo} for me? I'll pick it up {future}.
a_ord3 | I'd like {apo} and {apo2}, [for pickup|delivered], please.
a_ord4 | I've got a prescription for {rx}, can you order it in?
a_ord5 | Do you deliver? Then I'd like {apo}.
a_ord6 | Order for {name}: {apo}.
a_ord8 | I need something for a sore throat, lozenges maybe, I'll pick them up {future}.
@ A 3 po n h
a_ord7 | I need something for heartburn, my stomach burns after every meal.
a_ord9 | I want to pre-order my insulin for next month, I've still got plenty.
a_ord10 | I burned my finger a bit on the stove yesterday, have you got a burn gel I could reserve?
a_ord11 | I need a first aid kit for the car, the old one has expired.
a_ord12 | Could I reorder my emergency inhaler, I still have one, it's just a spare.
@ A 3 os n5e2
a_stat1 | Is my prescription ready?
a_stat2 | Is my order ready? It's under {name}.
a_stat3 | When is the delivery with {rx} coming?
a_stat4 | I ordered {apo} {past}, has it come in yet?
a_stat5 | Can I pick up the things for {name} yet?
a_stat6 | Where's my delivery? It was supposed to come {clock}.
@ A 3 os e
a_stat7 | I've been waiting three days for {rx}, it can't take that long!
@ A 3 in n
a_info1 | Which pharmacy is on duty tonight?
a_info2 | How late are you open on Saturday?
a_info3 | Do you have {apo} in stock?
a_info4 | Can I take ibuprofen and paracetamol together?
a_info5 | {kid.nom} has a slight temperature, what can I give {kid.him}?
a_info6 | How much do you charge for delivery?
a_info7 | Can I pay by card?
a_info8 | Can I get this without a prescription?
@ A 3 ap n
a_app1 | I'd like an appointment for a flu jab.
a_app2 | Can I come in {future} to have my blood pressure checked?
a_app3 | I need an appointment to be measured for compression stockings.
a_app4 | I need to move my vaccination appointment {future}.
@ A 3 co n3e7
a_comp1 | You gave me the wrong medicine, it's not what's on the prescription.
a_comp2 | The delivery {past} was two hours late and the driver was rude.
a_comp3 | Your shop is always packed and the staff are short with people, I have to say it.
@ A 3 lm n
a_msg1 | Can you ask the pharmacist to call me back about {rx}?
a_msg2 | Just letting you know {fam.nom} will pick up the order {future}.

# ---------- P3 law firm ----------
@ K 3 ap n8e2
k_app1 | I'd like an initial consultation about {legal}.
k_app2 | Can I move my appointment with {lawyer}? {future} would be better.
k_app3 | I need to cancel my appointment {future}.
k_app4 | I need advice about {legal}, when do you have a slot?
@ K 3 in n
k_info1 | How much is a first consultation?
k_info2 | Do you do [family law|employment law|tenancy law|inheritance|immigration law]?
k_info3 | Where exactly is your office and is there parking?
k_info4 | Does my legal insurance cover this with you?
k_info5 | I have a question about your invoice, case number {akte}.
@ K 3 in n6e4 h
k_dl1 | The deadline isn't until [next month|the end of next month|four weeks from now], but I wanted to get in touch early.
k_dl2 | I got a decision letter, I have three weeks to object, what do I need to do?
k_dl3 | What actually happens if you get arrested? Just asking in general.
k_dl4 | The police search was two months ago, and now I've got a letter from the prosecutor.
k_dl5 | My neighbour was arrested {past}, I just have a general question.
k_dl6 | I've been summoned as a witness {past}, do I have to go?
@ K 3 ap n5e5 h
k_fig1 | My boss is killing me with all this overtime, I need employment law advice.
k_fig2 | My landlord is driving me crazy, he wants me out, I'd like an appointment.
k_fig3 | I got fired last week and I think it's unfair, can I book a consultation?
@ K 3 lm n
k_msg1 | Please ask {lawyer} to call me about my file, case number {akte}.
k_msg2 | Could you tell {lawyer} I've sent the documents about {legal}?
k_msg3 | I'd like to leave a message for {lawyer}, please call me back on {phone}.
k_msg4 | Please let {lawyer} know the other side called me.
@ K 3 co n2e8
k_comp1 | I've been waiting three weeks to hear back from {lawyer}.
k_comp2 | The invoice is outrageous, it was a ten minute conversation.
k_comp3 | Nobody ever calls me back, I've rung five times about {legal}.
@ K 3 rh n6e4
k_rh1 | Can I speak to {lawyer} personally?
k_rh2 | I'd like to speak to [a lawyer|someone at the firm|an actual solicitor], not a computer.
k_rh3 | Put me through to the secretary please.

# ---------- P3 security ----------
@ W 3 ap n
w_app1 | We need [two|three|four] security staff for {event} on {month} {day}.
w_app2 | I'd like to book a guard for {site}, [every friday|over christmas|for two weeks].
w_app3 | Can we move the key handover for {site}? Maybe {future} instead.
w_app4 | I need to cancel the patrol {future}, we're open that night.
w_app5 | I'd like to book a service for the alarm system.
@ W 3 in n h
w_info1 | We're testing the alarm tomorrow, how do we let you know?
w_info2 | How much does it cost to guard a building site per night?
w_info3 | If the alarm goes off, how quickly are you there?
w_info4 | Do you provide fire watch at events?
w_info5 | The break in {past} is dealt with, the police came, I just need your report for the insurance.
@ W 3 rp n h
w_fals1 | The alarm had a false alarm last night, it's all quiet now, could someone check it?
w_fals2 | We set the alarm off ourselves by accident, everything's fine, no break in.
w_fals3 | The smoke detector in the office chirps every few minutes, I think the battery's dead.
@ W 3 po n h
w_ord1 | I'd like to order {secitem}.
w_ord2 | Can you deliver and fit {secitem} for us?
w_ord3 | We still need {secitem} for {site}.
@ W 3 co n3e7
w_comp1 | Your guard was asleep at {site} last night, we've got it on camera.
w_comp2 | The security for {event} turned up an hour late.
w_comp3 | We pay for patrols but according to the log nobody came {past}.
@ W 3 lm n
w_msg1 | Please tell the control room the code for {site} has changed.
w_msg2 | I'd like to leave a message, {name} from {firm}, please call back about the contract.

# ---------- P3 IT ----------
@ I 3 po n
i_ord1 | We'd like to order {hw}.
i_ord2 | Could you send us a quote and then deliver {hw}?
i_ord3 | I need {hw} for our office, please order them.
i_ord4 | Order for {firm}: {hw}.
@ I 3 os n6e4
i_stat1 | Where are the laptops we ordered {past}?
i_stat2 | Has {hw} shipped yet? We ordered {past}.
i_stat3 | When's the new printer coming? It should've been here {past}.
@ I 3 rp n7e3
i_p3a | My printer won't print, the others can print fine.
i_p3b | Outlook keeps crashing on my machine, my colleagues are fine.
i_p3c | I forgot my password and I'm locked out of my account.
i_p3d | My laptop has got really slow, could someone take a look?
i_p3e | My webcam isn't working and I've got a video call {future}.
@ I 3 rp n h
i_neg1 | Not an emergency, just a question about the backup, does it run every night?
i_neg2 | The server was down for a moment this morning but it's back up, just reporting it.
i_neg3 | I got a phishing email but didn't click anything, just so you know.
i_neg4 | The internet dropped out {past} for a bit, it's fine now, just letting you know.
@ I 3 in n h
i_info1 | We'd like ransomware and phishing training for our staff, how much is that?
i_info2 | How much is a maintenance contract for {n} workstations?
i_info3 | Do you do phone systems?
i_info4 | How can we reach you in a total outage, weekends too?
i_info5 | I have a question about the invoice from {past}, there's a line for virus removal.
@ I 3 ap n
i_app1 | We'd like an appointment to set up {hw}.
i_app2 | Can the technician come {future} {clock} to set up the new desk?
i_app3 | We need to move the maintenance appointment {future}.
@ I 3 co n3e7
i_comp1 | Your technician was here {past} and since then the scanner doesn't work.
i_comp2 | We've been waiting days for an answer on our ticket.
i_comp3 | The invoice for maintenance is twice what the quote said.
@ I 3 lm n
i_msg1 | Please tell {first} from support I'd like a call back about the ticket.
i_msg2 | Message for the technician: the key to the server room is at reception.

# ---------- P3 generic ----------
@ * 3 rh n6e4
rh1 | I want to talk to a human.
rh2 | Can I speak to a real person please?
rh3 | Put me through to [an agent|a person|someone real|customer service].
rh4 | I'm not talking to a machine, get me a human.
rh5 | Is there an actual person I can talk to?
rh6 | I'd like to speak to your manager.
rh7 | Are there any humans there or just you?
@ * 3 rh e
rh8 | For god's sake, let me talk to a real person!
rh9 | You don't understand me, get me an agent now!
rh10 | For the third time, I want a person, not a computer!
@ * 3 rh n b x=10
rh11 | [Agent.|Human.|Representative.|Operator.|Agent please.|Real person.|Customer service.]
@ * 3 lm n
msg1 | I'd like to leave a message, please call me back on {phone}.
msg2 | Can you tell them {fullname} called?
msg3 | I just wanted to say I can't make it {future}, please pass it on.
msg4 | Please call me back about a quote, my number is {phone}.
@ * 3 ot n
oth1 | Are you a robot?
oth2 | Oh, I've forgotten why I was calling.
oth3 | How are you doing today?
oth4 | Yeah so about that thing the other day, you know.
oth5 | Who am I actually speaking to?
oth6 | Can you hear me? I'm a bit hard of hearing.
@ SN 3 ot n h
fig1 | I'm dying to see the new bathroom, just wanted to say thanks.
fig2 | My head is exploding with all this work, I'll call back later.
@ * 3 ot n h
fig3 | This deal is fire, honestly, just wanted to say thanks for the quick job.
fig4 | Our phones are blowing up today, sorry, I forgot what I wanted.

# ---------- P4 ----------
@ * 4 ot n
p4sales1 | Hello, I'm calling from [Energy Savers|Solar North|Bright Power] about your electricity contract, do you have a minute?
p4sales2 | Hi, we're doing a quick survey about heating costs in your area.
p4sales3 | We offer cheap solar panels, have you got two minutes?
p4sales4 | I'd like to tell you about our new business mobile plans.
p4sales5 | Hi, we sell ads in the business directory, would you like a listing?
p4robo1 | This is an automated message. Your parcel could not be delivered, press one.
p4robo2 | Congratulations, you've won! To claim your prize press two.
p4robo3 | This is a message about your car's extended warranty, press one to speak to an agent.
p4wrong1 | Is this the pizza place?
p4wrong2 | Oh, wrong number, sorry.
p4wrong3 | I was trying to call {fullname}, have I got the wrong number?
p4wrong4 | Isn't this the dentist? Oh, sorry, I must have dialled wrong.
p4prank1 | Is your fridge running? Then you'd better go catch it!
p4prank2 | Hello, this is Santa, hehe.
@ * 4 ot n h
p4prank3 | Do you have gas? Then light it up, haha.
p4prank4 | Help, fire, no just kidding, bye.
p4sales6 | We have a smoking hot deal on smoke detectors, killer prices, no fires, only savings!
@ * 4 ot n b x=8
p4sil1 | [Hello hello|Hello? Hello?|Hello, hello, anyone there?|Hello, can you hear me? Hello?]
p4sil2 | [Um|Uh|Hm|Uh, um|Um yeah]
p4sil3 | [Testing, one two|Test test|One two three, testing]
"""


# ----------------------------------------------------------------------------------------------
# Hand-written German utterances (not produced by any template)
# <urgency> <intent> <distress> <client> [h] | text
# ----------------------------------------------------------------------------------------------

HANDWRITTEN_DE = r"""
== gas
0 rp n S | hallo ähm ich glaub bei uns riecht das nach gas also so richtig im treppenhaus schon
0 rp n S | ja guten tag bei mir in der küche riecht es seit heute mittag leicht nach gas ich hab jetzt mal das fenster aufgemacht
0 rp a N | es stinkt nach gas überall und meine kinder sind noch oben bitte was soll ich tun
0 rp n S | der herd ist aus aber es riecht trotzdem nach gas komisch oder
0 rp n S | also ich weiß nicht ob ich mir das einbilde aber es riecht im keller nach gas und der zähler macht so ein geräusch
0 rp n W | hier ist die nachtschicht vom logistikzentrum in halle zwei riecht es deutlich nach gas
0 rp n N | mir is so komisch im kopf und es riecht hier nach gas kann das sein
0 rp a S | gas gas es riecht nach gas ich krieg die tür vom heizungsraum nicht auf
0 rp n S | Guten Abend, in unserem Mehrfamilienhaus riecht es im Erdgeschoss nach Gas. Soll ich die Leute rausklingeln?
0 rp e S | bei der therme zischt es und riecht nach gas mein mann sagt ich soll den haupthahn zudrehen aber wo ist der
0 rp n A | ich bin bei ihnen vorm laden und hier draußen riecht es total nach gas wollte nur bescheid sagen
0 rp n I | im serverraum riecht es nach gas da läuft ja die gasleitung vom nachbarn durch
== co_alarm
0 rp n S | der kohlenmonoxid melder piept und wir haben alle kopfschmerzen
0 rp a N | mein baby ist so schlapp und der co melder schlägt an bitte
0 rp n S | der co melder im bad hat alarm gegeben ich hab jetzt die fenster auf sind alle draußen
0 rp n S | der melder für kohlenmonoxid geht immer wieder los seit die neue therme drin ist und mir ist schwindelig
0 rp n N | ja der co warner zeigt 150 ppm an was heißt das
== fire_smoke
0 rp a N | es brennt es brennt die küche brennt
0 rp a N | hilfe bei uns brennt der dachstuhl
0 rp a S | die therme hat angefangen zu brennen da kommen flammen raus
0 rp n N | im treppenhaus ist alles voller rauch ich weiß nicht wo das herkommt
0 rp n W | objekt hafenstraße brandmeldeanlage hat ausgelöst und ich seh rauch aus dem fenster im ersten stock
0 rp a N | mein sohn ist noch im zimmer und da ist alles voller qualm
0 rp n I | aus dem drucker kommt rauch und es stinkt total verbrannt
0 rp n S | bei der heizung im keller riecht es total verschmort und es kommt weißer rauch raus
0 rp n N | beim nachbarn qualmt es aus dem fenster und der rauchmelder piept da drin die ganze zeit aber keiner macht auf
0 rp a N | Hilfe! Es brennt in der Garage und das Auto steht drin, mein Mann ist da noch!
0 rp n A | aus der steckdose hinter der kasse kommt rauch und es riecht nach verbranntem plastik
0 rp n N | hier brennt ein mülleimer vor dem haus und das greift auf die hecke über
== electric_water
0 rp n S | das wasser läuft die wand runter genau in die steckdose und da hat es eben geknallt
0 rp n S | ich hab wasser im keller und da stehen die ganzen stromkabel drin soll ich da reingehen
0 rp a N | es tropft aus der lampe im bad und das licht flackert ich hab angst dass es einen schlag gibt
0 rp n S | bei mir läuft's aus der decke direkt neben der lampe und es brummt so
0 rp n S | der sicherungskasten ist nass und die sicherung fliegt dauernd raus
0 rp n S | die waschküche steht unter wasser und die waschmaschine ist noch an der steckdose
0 rp n N | aus dem deckenlicht im flur läuft wasser raus
== medical
0 rp a N | mein mann liegt auf dem boden und sagt nichts mehr
0 rp a N | meine frau hat so starke schmerzen in der brust und ihr ist ganz kalt und schwitzig
0 rp a A | mein kind hat glaube ich reinigungsmittel getrunken
0 rp a N | meine mutter ist gestürzt und blutet am kopf sie ist nicht ganz da
0 rp n S | ihr monteur hat sich mit der flex ins bein geschnitten das blutet ziemlich
0 rp a A | ich hab von einer biene einen stich bekommen und mein hals wird ganz eng
0 rp a N | mein opa atmet so komisch und reagiert nicht richtig
0 rp n A | ich hab meine tabletten heute früh doppelt genommen aus versehen und jetzt ist mir schwindelig und das herz rast
0 rp a N | Mein Vater hat gerade einen Anfall, er zuckt am ganzen Körper!
0 rp n W | unser wachmann ist auf dem gelände gestürzt und kann nicht mehr aufstehen er hat starke schmerzen am rücken
0 rp a I | ein kollege ist hier im büro einfach umgekippt wir wissen nicht was wir machen sollen
0 rp a N | mein sohn hat eine erdnuss gegessen und jetzt kriegt er keine luft mehr
0 rp e N | ich hab mich verbrannt am herd ganz schlimm die ganze hand ist weiß und tut höllisch weh
0 rp n N | ein mann ist hier vor der apotheke zusammengesackt jemand macht schon herzmassage
== violence_intruder
0 rp a N | da hat jemand die terrassentür eingeschlagen und ich hör schritte unten
0 rp a N | mein freund schlägt mich bitte schicken sie jemanden
0 rp a W | der einbrecher ist noch im lager und er hat meinen kollegen geschlagen
0 rp n W | ich seh auf der kamera am autohaus gerade jemanden über den zaun klettern der läuft jetzt aufs gebäude zu
0 rp a N | mein nachbar randaliert und droht mit einer axt
0 rp a K | die gegenseite steht hier im wartezimmer und bedroht mich ich hab mich im klo eingeschlossen
0 rp a N | da steht einer mit einer waffe vor unserer tür
0 rp n W | in der schule am deich sind gerade leute im gebäude ich seh licht von taschenlampen die alarmanlage geht aber nicht
0 rp a A | hier in der apotheke bedroht einer die kollegin an der kasse er will geld
0 rp a N | Da ist ein Mann in unserem Garten, der versucht die Kellertür aufzubrechen, und ich bin allein mit den Kindern!
== selfharm
0 rp a N | ich kann nicht mehr ich hab einfach keine kraft mehr
0 rp a N | ich will nicht mehr leben
0 rp a A | ich hab die ganzen schlaftabletten genommen die sie mir gegeben haben
0 rp a K | seit die scheidung durch ist hat alles keinen sinn mehr ich will nur noch schluss machen
0 rp a N | ich sitz hier mit dem messer und weiß nicht warum ich überhaupt anrufe
0 rp a N | ich halt das nicht mehr aus ich will dass das alles aufhört
0 rp a I | die firma ist pleite wegen dem angriff ich seh keinen ausweg mehr ich mach jetzt schluss
0 rp a N | mir ist alles egal ich hab mir die pulsadern
0 rp a A | wie viele von den tabletten muss man nehmen dass es vorbei ist
0 rp a N | es wär besser wenn ich nicht mehr da wär für alle
0 rp a N | ich kann nicht mehr ich weiß einfach nicht mehr weiter
0 rp a N | ich hab angst dass ich mir was antue heute nacht
== flood
1 rp e S | hallo hilfe bei uns ist ein rohr geplatzt im bad und das wasser läuft schon in den flur
1 rp n S | ja wasserrohrbruch im keller ich hab das wasser noch nicht abgestellt weil ich den hahn nicht finde
1 rp a S | die bude steht unter wasser ich weiß nicht was ich machen soll bitte kommen sie schnell
1 rp n S | bei mir läuft's aus der decke im schlafzimmer von oben die nachbarin ist im urlaub
1 rp n S | das wasser spritzt aus der wand in der küche wie ein springbrunnen
1 rp n S | unter der spüle ist ein schlauch ab und es läuft und läuft
1 rp n S | die spülmaschine hat ausgelaufen und das hört nicht auf das ganze parkett schwimmt
1 rp n S | der warmwasserspeicher im keller ist undicht da kommt richtig viel wasser raus
1 rp a S | oh gott das ganze wohnzimmer ist nass das kommt von oben durch die decke und es wird immer mehr
1 rp n S | guten morgen wir haben einen wasserschaden es läuft aus der wand hinter der dusche raus und zwar ordentlich
1 rp n S | die leitung im garten ist geplatzt und das wasser läuft in den keller
1 rp n S | im heizungskeller ist ein rohr gerissen da spritzt heißes wasser raus
1 rp n S | es kommt wasser durch die wand zum nachbarn durch der hat schon geklingelt
1 rp n S | Wir haben einen Rohrbruch in der Küche, das Wasser steht schon zwei Zentimeter hoch.
1 rp n S | der ganze flur steht unter wasser und es läuft immer noch irgendwo
1 rp n W | im lager in halle drei ist die sprinkleranlage losgegangen obwohl es nicht brennt jetzt ist alles nass und es läuft weiter
== sewage
1 rp e S | im keller kommt die ganze kacke aus dem abfluss hoch das ist ekelhaft
1 rp n S | abwasserrückstau bei uns im haus die dusche im erdgeschoss ist voll mit abwasser
1 rp n S | wenn wir die waschmaschine anmachen kommt das wasser im klo hoch und läuft über
1 rp n S | der bodenablauf in der waschküche drückt abwasser raus und hört nicht auf
1 rp n S | das klo läuft über und da kommt immer mehr es ist schon im flur
1 rp n S | nach dem gewitter läuft uns das abwasser in den keller
1 rp a S | überall ist scheiße im bad es hört nicht auf zu laufen ich dreh durch
== heating_cold
1 rp n S | unsere heizung ist komplett aus und draußen friert es die kinder haben schon jacken an
1 rp n S | seit gestern abend keine heizung wir sind bei elf grad in der wohnung
1 rp n S | die gastherme ist auf störung und geht nicht mehr an das ganze haus ist kalt
1 rp n S | heizung tot warmwasser tot und es sind minus sieben grad
1 rp n S | bei uns im mehrfamilienhaus ist die zentralheizung ausgefallen alle wohnungen sind kalt
1 rp n S | meine mutter ist 90 und bei ihr ist die heizung ausgefallen es ist eiskalt da
1 rp n S | die wärmepumpe zeigt einen fehler und heizt nicht mehr bei dem frost draußen
1 rp n S | heizungsausfall im ganzen gebäude bitte um rückruf vom notdienst
== no_water
1 rp n S | wir haben gar kein wasser mehr nichts kommt aus der leitung
1 rp n S | seit heute früh kein wasser im ganzen haus weder im bad noch in der küche
1 rp n S | bei uns ist der wasserhahn trocken überall auch die toilette füllt sich nicht mehr
1 rp n S | kein wasser mehr in der ganzen wohnung die nachbarn haben aber wasser
1 rp e S | ich hab überhaupt kein wasser und ein baby zuhause wie soll ich da die flasche machen
== pharm_vital
1 rp n A | mein insulin ist leer und ich muss in zwei stunden spritzen
1 rp n A | ich brauche heute noch das antiepileptikum für meine tochter sie hat nur noch eine tablette für heute
1 rp n A | mein asthmaspray ist alle und ich hab heute schon zweimal einen anfall gehabt
1 rp n A | ich brauche dringend einen neuen epipen für meinen sohn der alte ist benutzt worden
1 rp n A | das morphinpflaster von meinem vater ist aus und er hat schmerzen und es ist freitagabend
1 rp n A | ich bin herztransplantiert und meine tabletten sind aus ich darf keine dosis verpassen
1 rp n A | ich hab mein parkinsonmedikament in der bahn liegen lassen ich brauch das heute noch sonst kann ich mich morgen nicht mehr bewegen
1 rp n A | Mein Insulin ist kaputt gegangen, der Pen ist runtergefallen. Ich brauche heute noch Ersatz.
== law_arrest
1 rp e K | die polizei hat grad meinen sohn abgeholt was sollen wir jetzt machen
1 rp a K | bei uns sind gerade zehn polizisten in der wohnung die durchsuchen alles ich hab angst
1 rp n K | hier ist die firma brandt bei uns findet gerade eine durchsuchung statt wir brauchen herrn berg sofort
1 rp n K | mein mann wurde heute morgen verhaftet am flughafen
1 rp n K | ich ruf von der polizeiwache an ich bin festgenommen worden und möchte meinen anwalt sprechen
1 rp n K | die kripo steht vor der tür und will rein die haben einen beschluss
1 rp n K | meine tochter sitzt in untersuchungshaft seit heute nacht und soll morgen dem haftrichter vorgeführt werden
1 rp n K | die zollfahndung ist bei uns im lager und beschlagnahmt alles
== sec_alarm_breakin
1 rp n W | bei uns in der filiale geht die alarmanlage und ich bin zu hause
1 rp n W | die alarmanlage vom autohaus heult schon seit zehn minuten
1 rp n W | aufschaltung zeigt einbruchalarm im objekt lindenstraße
1 rp n W | ich komm grad auf die baustelle und der container ist aufgebrochen das ganze werkzeug ist weg
1 rp n W | bei uns ist eingebrochen worden heute nacht die tür ist kaputt und die kasse ist leer
1 rp n W | in der halle ist ein fenster eingeschlagen und ware fehlt die polizei ist informiert aber können sie jemanden schicken
1 rp n W | der glasbruchmelder im supermarkt hat ausgelöst
1 rp n N | ich komme aus dem urlaub und bei uns ist eingebrochen worden alles durchwühlt
1 rp n W | mein handy zeigt alarm vom lager scheint ein bewegungsmelder zu sein können sie nachsehen fahren
1 rp n W | heute nacht sind die einbrecher durchs dach ins lager der schaden ist riesig und das dach ist offen
1 rp n W | Der Alarm in der Tankstelle an der Kieler Straße ist losgegangen, der Pächter ist nicht erreichbar.
== it_outage
1 rp n I | bei uns ist alles schwarz kein rechner geht mehr
1 rp n I | totalausfall server internet telefon nix geht mehr seit halb acht
1 rp n I | auf jedem bildschirm steht ihre dateien wurden verschlüsselt zahlen sie
1 rp a I | wir wurden gehackt alle daten sind weg und die patienten stehen im wartezimmer
1 rp n I | unser server lässt sich nicht mehr starten und keiner kann arbeiten
1 rp n I | der ganze laden steht die kassen gehen nicht und das netzwerk ist tot
1 rp n I | hier ist die praxis dr wagner bei uns geht seit heute früh gar nichts mehr
1 rp n I | ich glaub wir haben einen verschlüsselungstrojaner alle dateien enden jetzt auf locked
1 rp n I | die firewall ist abgeschmiert und damit ist das komplette netz weg auch die telefonanlage
1 rp n I | unser ganzes system ist down und wir haben heute abgabetermin bei allen kunden
1 rp n I | Komplettausfall bei uns im Steuerbüro, weder Server noch Internet funktionieren.
== p2_plumbing
2 rp n S | das klo ist verstopft und wir haben nur eins
2 rp n S | die toilette ist dicht und nichts geht mehr runter wir sind vier leute mit kleinen kindern
2 rp n S | seit gestern kein warmes wasser der boiler macht nix mehr
2 rp n S | warmwasser geht nicht kalt geht heizung geht auch
2 rp n S | ich hab das wasser abgedreht weil die leitung unter dem waschbecken getropft hat jetzt haben wir gar kein wasser mehr bitte heute noch
2 rp n S | der hahn war undicht ich hab das ventil zugemacht jetzt ist es erstmal trocken
2 rp n S | die toilette spült nicht mehr und ist voll aber es läuft nichts über
2 rp n S | heute kein warmwasser weil die therme auf störung steht die heizung brauchen wir nicht ist ja warm draußen
2 rp e S | ich kann seit drei tagen nicht duschen weil kein warmes wasser kommt das ist echt nicht mehr lustig
2 rp n S | Das einzige WC im Haus ist verstopft. Können Sie heute noch jemanden schicken?
2 rp n S | der durchlauferhitzer ist kaputt kein heißes wasser mehr
2 rp n S h | es war ein rohrbruch aber ich hab den haupthahn zugedreht und jetzt läuft nichts mehr es muss aber heute noch repariert werden
== p2_law
2 rp n K | ich hab den brief vom gericht erst heute gesehen die frist ist morgen
2 ap n K | ich brauch heute noch einen termin weil ich morgen beim arbeitsgericht bin
2 lm n K | bitte sagen sie frau dr berg dass sie mich heute noch anrufen muss die berufungsfrist endet morgen
2 rh n K | ich muss jetzt sofort einen anwalt sprechen ich hab morgen um neun verhandlung
2 rp n K | morgen muss die stellungnahme beim gericht sein und mein anwalt ist krank
2 rp a K | morgen ist die räumung und ich weiß nicht wohin mit meinen kindern bitte ich hab solche angst
2 ap n K | kann ich heute nachmittag noch vorbeikommen wegen einer frist die morgen abläuft
2 rp n K | die einspruchsfrist für den strafbefehl läuft morgen ab
2 lm e K | bitte dringend rückruf heute wegen morgen frist akte 412 24 ich erreiche niemanden
2 rp n K | übermorgen ist die zwangsversteigerung und ich hab erst jetzt davon erfahren
== p2_misc
2 rp n I | seit heute morgen kommen bei uns keine mails mehr rein bei allen aber sonst läuft alles
2 rp n I | ich hab auf einen anhang geklickt und jetzt öffnen sich komische fenster ich hab den rechner ausgemacht
2 rp n I | das wlan im ganzen büro ist weg aber mit kabel geht es noch
2 rp n W | die schranke an der einfahrt bleibt offen und wir brauchen die heute nacht zu
2 ap n W | wir brauchen heute ab 22 uhr einen wachmann weil die alarmanlage defekt ist
2 po n A | meine tochter braucht das antibiotikum heute noch können sie das bis heute abend liefern
2 po n A | ich brauch heute noch meine schilddrüsentabletten die sind alle
2 rp n W | die kamera am haupteingang ist aus und heute nacht kommt die lieferung
2 rp n I | der zahlungsterminal geht nicht und heute ist markttag aber die kasse selber läuft
2 os n A | die antibiotika für meinen sohn sollten heute morgen kommen wo bleiben die er braucht die heute noch
== p3_minor_plumbing
3 rp n S h | der wasserhahn in der küche tropft so vor sich hin
3 rp n S h | ein heizkörper im wohnzimmer wird nicht warm die anderen schon
3 rp n S h | das waschbecken läuft langsam ab aber die dusche geht
3 rp n S h | die spülung läuft immer nach das rauscht die ganze nacht
3 rp n S h | es hat kurz aus dem schlauch getropft aber jetzt ist es trocken
3 rp n S h | der heizkörper im bad gluckert so und wird nur halb warm
3 rp e S h | der wasserhahn tropft jetzt seit wochen und das geht mir so auf die nerven
3 rp n S h | die heizung ist aus aber wir haben juli also nicht schlimm und warmwasser geht
3 rp n S h | der duschabfluss ist ein bisschen langsam sonst alles gut
3 rp n S h | da war vorhin ein kleiner fleck an der decke aber der ist jetzt trocken und wird nicht größer
3 rp n S h | die therme hat heute morgen gestreikt aber nach dem neustart läuft sie wieder
3 rp n S h | bei mir tropft die dusche nach auch wenn sie zu ist
3 rp n S h | im gästeklo ist das waschbecken verstopft das große bad geht aber
3 rp n S h | der druck ist niedrig auf der heizung soll ich wasser nachfüllen
3 rp n S h | kein notfall aber die heizkörper klackern immer so
3 rp n S h | Der Thermostatkopf am Heizkörper im Kinderzimmer ist abgebrochen. Der Heizkörper ist halt aus, die anderen laufen.
== orders_sanitaer
3 po n S | ich bräuchte so einen neuen duschkopf mit schlauch wenn sie sowas haben
3 po n S | können sie mir zwei eckventile zurücklegen ich komm morgen vorbei
3 po n S | ich möchte einen wc sitz bestellen so einen mit absenkautomatik
3 po n S | haben sie dichtungen für einen grohe wasserhahn dann nehm ich zwei
3 po n S | einmal den entlüftungsschlüssel für die heizung bitte zum abholen
3 po n S | ich hätte gern ein reparaturset für den spülkasten und einen neuen drücker
3 po n S | bestellung auf schneider bitte einen siphon und zwei perlatoren
3 po n S | können sie mir eine neue mischbatterie liefern die alte ist hin
3 po n S h | ich will für den keller einen co melder und einen wassermelder bestellen nur zur sicherheit
3 po n S | Ich würde gern drei Thermostatköpfe bestellen, die weißen bitte.
== orders_apotheke
3 po n A | ich hätt gern zwei packungen ibuprofen 600 ich hab ein rezept
3 po n A | können sie mir nasenspray und hustensaft zurücklegen
3 po n A | ich möchte die pille für drei monate vorbestellen
3 po n A | bitte einmal das rezept von dr özdemir mit lieferung nach hause
3 po n A | ich bräucht vitamin d und magnesium und so ne große wärmflasche
3 po n A | können sie mir fieberzäpfchen für kinder zur abholung fertig machen
3 po n A | ich hab ein e rezept auf der karte kann ich das reservieren
3 po n A | bestellung für heinrich lange blutdruckmittel und augentropfen
3 po n A h | ich möchte einen verbandskasten und brandgel für die firma bestellen
3 po n A h | können sie mir so einen rauchmelder mit zehn jahres batterie bestellen den gibts doch bei ihnen oder
3 po n A h | ich brauch was gegen sodbrennen mein magen brennt wie feuer nach dem essen
3 po n A | einmal die kompressionsstrümpfe in größe drei bitte mit lieferung
3 po n A | Ich möchte Zinksalbe und Babypuder bestellen, ich hol's heute Nachmittag ab.
== orders_it_security
3 po n I | wir brauchen fünf neue monitore 27 zoll
3 po n I | können sie uns noch zwei lizenzen für das virenschutzprogramm bestellen
3 po n I | bitte einen neuen laptop für unseren azubi der fängt am ersten an
3 po n I h | wir möchten gern eine bessere firewall bestellen damit uns so ein ransomware angriff nicht passiert
3 po n W h | ich möchte für unser büro fünf feuerlöscher und zwei löschdecken bestellen
3 po n W h | wir bräuchten rauchmelder für acht räume
3 po n W | können sie noch zwei zusätzliche kameras für den parkplatz installieren und liefern
3 po n I | ich hätte gern toner für den kyocera schwarz und farbig
3 po n W h | ich will eine alarmanlage kaufen für mein haus weil bei den nachbarn eingebrochen wurde
== order_status
3 os n A | ist mein rezept schon fertig auf den namen krause
3 os n A | wann kommt meine bestellung ich hab vorgestern bestellt
3 os n A | wo bleibt meine lieferung das sollte schon heute morgen da sein
3 os n A | kann ich die salbe schon abholen oder ist die noch nicht da
3 os n I | wir warten noch auf die laptops wann kommen die
3 os n I | die bestellung mit den headsets ist jetzt schon zwei wochen überfällig
3 os n S | ist die mischbatterie schon angekommen die ich letzte woche bestellt hab
3 os n W | wann werden die neuen kameras geliefert
3 os n A | ich wollte fragen ob das medikament für meine mutter inzwischen da ist
3 os e A | jetzt ruf ich schon zum dritten mal an wegen meiner bestellung wo ist die
3 os n S | ist meine bestellung mit den thermostatköpfen schon da
3 os n I | hat der drucker schon das lager verlassen wir brauchen eine sendungsnummer
3 os n A | Ist mein Rezept schon da? Ich wollte heute Nachmittag vorbeikommen.
3 os n W | ist die lieferung mit den feuerlöschern schon unterwegs
== appointments
3 ap n S | ich möchte gern einen termin für die wartung der gastherme
3 ap n S | können sie nächste woche mal vorbeikommen und die heizung durchchecken
3 ap n S | den termin am donnerstag muss ich leider absagen
3 ap n A | ich möchte mich für die grippeimpfung anmelden
3 ap n K | ich hätte gern einen beratungstermin wegen meines mietvertrags
3 ap n K | kann ich den termin bei herrn berg auf nächste woche verschieben
3 ap n W | wir brauchen für samstag zwei leute für den einlass beim konzert
3 ap n W | ich möchte einen wachmann für die weihnachtstage buchen
3 ap n I | können sie einen techniker schicken um den neuen drucker einzurichten
3 ap n I | wir brauchen einen termin für die jährliche wartung
3 ap n S | ich brauch jemanden der mir neue heizkörper einbaut wann hätten sie zeit
3 ap n S | termin verschieben bitte von montag auf mittwoch
3 ap e K | ich muss den termin morgen absagen mir geht's so schlecht wegen der ganzen sache
3 ap n K | ich hätte gern einen termin bei einer anwältin für familienrecht
3 ap n W | Wir möchten einen Termin für die Begehung unseres neuen Lagers vereinbaren.
3 ap n S h | kein notfall ich hätte nur gern einen termin für den tropfenden hahn
3 ap n A | kann ich für meinen vater einen termin zur medikationsberatung machen
3 ap n I | wir bekommen neue mitarbeiter und brauchen einen termin zum einrichten der arbeitsplätze
3 ap n W | schlüsselübergabe für das neue objekt ginge das am freitag
3 ap n S | wann kann der schornsteinfeger mit ihrem monteur zusammen kommen
== messages
3 lm n K | können sie herrn berg ausrichten dass ich angerufen habe wegen dem erbvertrag
3 lm n S | richten sie bitte dem monteur aus dass der schlüssel beim nachbarn ist
3 lm n A | bitte sagen sie frau hansen dass meine bestellung mein mann abholt
3 lm n I | nachricht für den support bitte rückruf wegen ticket 4711
3 lm n W | bitte geben sie weiter dass der wachmann heute über den hintereingang reingehen soll
3 lm n K | ich möchte eine nachricht hinterlassen frau kaya soll mich bitte morgen vormittag anrufen
3 lm n S | bitte um rückruf wegen einem angebot für die badsanierung
3 lm n N | können sie sich meine nummer notieren und jemand ruft mich zurück
3 lm n K | sagen sie bitte dr lindner dass ich die unterlagen gefaxt habe
3 lm e K | ich versuch seit tagen jemanden zu erreichen bitte richten sie aus dass ich dringend rückruf brauche
3 lm n I | rückrufbitte von der bäckerei schulz es geht um den neuen kassenrechner
3 lm n W | Bitte richten Sie der Einsatzleitung aus, dass wir ab Montag neue Öffnungszeiten haben.
3 lm n A | könnten sie der apothekerin sagen sie soll mich wegen der wechselwirkung zurückrufen
3 lm n S | nachricht an herrn meyer der termin passt ich bin da
== information
3 in n S | wie viel kostet eine stunde bei ihnen
3 in n S | haben sie am wochenende auch notdienst
3 in n A | bis wann haben sie heute auf
3 in n A | haben sie das medikament dings da das gegen migräne
3 in n A | wo ist die nächste notdienstapotheke heute
3 in n K | machen sie auch arbeitsrecht
3 in n K | wie teuer ist so eine erstberatung ungefähr
3 in n W | machen sie auch veranstaltungsschutz
3 in n I | betreuen sie auch kleine arztpraxen
3 in n I | was kostet so ein wartungsvertrag im monat
3 in n S | wie ist ihre adresse ich würde die teile gern abholen
3 in n S | was kostet eine heizungswartung
3 in n A | liefern sie auch nach pinneberg
3 in n S h | was kostet es wenn ich nachts den notdienst rufe wegen rohrbruch nur damit ich es weiß
3 in n S h | ich hab eine frage zur rechnung für den wasserschaden vom letzten monat
3 in n K h | meine frist ist erst in sechs wochen ich wollte nur wissen was ich vorbereiten muss
3 in n I h | wie schützt man sich eigentlich vor ransomware habt ihr da was
3 in n W h | was passiert eigentlich wenn bei uns die alarmanlage losgeht wer kommt dann
3 in n A | muss ich für das rezept was zuzahlen
3 in n S | können sie mir sagen ob sie auch wärmepumpen einbauen
3 in n A h | welche apotheke hat heute notdienst ich brauche nichts dringendes nur für später
3 in n K | haben sie samstags geöffnet
3 in n S h | wo bleibt die rechnung vom rohrbruch die versicherung will die haben
3 in n I h | der totalausfall vorletzte woche wie viel wird das kosten
3 in n W h | wie war das nochmal mit dem einbruch letzte woche haben sie den bericht schon geschrieben
3 in n A | haben Sie auch Corona-Tests da?
== complaints
3 co e S | ihr monteur war heute hier und hat alles dreckig gemacht und das problem ist immer noch da
3 co e S | die rechnung ist eine frechheit 300 euro für eine dichtung
3 co n S | ich wollte mich beschweren der techniker kam zwei stunden zu spät
3 co e A | das ist jetzt das zweite mal dass die lieferung nicht kommt
3 co e A | die dame an der kasse war total unfreundlich zu meiner mutter
3 co n A | sie haben mir die falsche packungsgröße gegeben
3 co e K | ich warte seit einem monat auf meine unterlagen das ist unmöglich
3 co e K | ich zahl ihnen so viel geld und keiner meldet sich
3 co n W | ihre leute haben beim stadtfest einfach die ausgänge offen gelassen das geht nicht
3 co e W | der wachmann war unfreundlich zu unseren kunden das will ich nicht nochmal erleben
3 co n I | seit ihr techniker da war geht gar nichts mehr richtig am drucker
3 co n I | die rechnung stimmt nicht da sind stunden drauf die gar nicht gemacht wurden
3 co e S | sie haben meinen termin einfach vergessen ich hab mir extra frei genommen
3 co e S h | der rohrbruch letzte woche ihr kollege hat da pfusch gemacht jetzt tropft es wieder
3 co n A | die lieferung war beschädigt die flasche ist ausgelaufen
3 co e I | ich hab die schnauze voll jedes mal muss ich dreimal anrufen bis sich jemand kümmert
3 co e K h | ich wurde letztes jahr von ihnen bei der festnahme vertreten und das war eine katastrophe
3 co n S | Ich möchte mich über den Notdiensteinsatz vom Wochenende beschweren. Viel zu teuer und nichts erklärt.
3 co e W | jetzt hat schon wieder keiner die runde gemacht ich seh das doch im protokoll
3 co n N | ich find es nicht gut dass man hier mit einer maschine reden muss
== request_human
3 rh n N | ich möchte bitte mit einem mitarbeiter sprechen
3 rh n N | können sie mich bitte mit einem menschen verbinden
3 rh e N | ich will keinen computer ich will einen menschen
3 rh n K | ist herr berg zu sprechen
3 rh n S | kann ich mit dem chef persönlich sprechen
3 rh n A | ich möchte gern mit der apothekerin selbst sprechen
3 rh e N | hallo hören sie mir überhaupt zu ich will einen echten menschen
3 rh n N | mitarbeiter
3 rh n N | menschen bitte
3 rh n W | verbinden sie mich mit der einsatzleitung bitte
3 rh n I | kann ich bitte mit einem techniker sprechen
3 rh e N | sie verstehen mich nicht geben sie mir bitte jemanden richtiges
3 rh n N | bin ich hier mit einer maschine verbunden dann bitte einen mitarbeiter
3 rh n K | ich würde das lieber mit einem menschen besprechen es ist persönlich
3 rh e S | jetzt stellen sie mich endlich durch zu einem monteur ich red nicht mit dem band
3 rh n N | Ich hätte gern einen Mitarbeiter am Telefon.
3 rh n N | bitte durchstellen
3 rh n A | ist da jemand von der apotheke selbst dran
3 rh e N | menschen menschen ich will einen menschen
3 rh n I | ich möchte bitte mit herrn hansen vom support sprechen
== other_p3
3 ot n N | sind sie eine künstliche intelligenz
3 ot n N | ach ich hab vergessen was ich wollte
3 ot n N | ja also wegen der sache da
3 ot n N | wie spät ist es eigentlich
3 ot n N | äh ja hallo ich ruf an wegen ähm wie soll ich sagen
3 ot n S | können sie mir ihre faxnummer sagen nein warten sie ich ruf nochmal an
3 ot n N | wie ist das wetter bei ihnen
3 ot n N | ich wollte nur mal hören ob da jemand rangeht
3 ot n N | bist du echt oder ein bot
3 ot n N | mit wem bin ich denn da verbunden
3 ot n N | Moment, ich muss erst meine Brille suchen.
3 ot n N | ich weiß nicht so recht wie ich das erklären soll
== p4
4 ot n N | hallo hallo
4 ot n N | hallo ist da jemand hallo
4 ot n N | ähm
4 ot n N | hm
4 ot n N | oh sorry falsch verbunden
4 ot n N | ist da die praxis doktor müller nein dann entschuldigung
4 ot n N | guten tag wir haben ein tolles angebot für ihre stromrechnung
4 ot n N | dies ist eine automatische ansage ihr vertrag läuft aus drücken sie eins
4 ot n N | ich möchte ihnen unsere neuen kaffeevollautomaten fürs büro vorstellen
4 ot n N | haha ist ihr kühlschrank am laufen
4 ot n N | pizza salami bitte ach falsche nummer
4 ot n N | guten tag hier ist das gewinnspielteam sie haben eine reise gewonnen
4 ot n N | wir machen eine umfrage zum thema versicherungen hätten sie fünf minuten
4 ot n N | sorry mein kind hat an meinem handy gespielt
4 ot n N | hallo hallo hallo
4 ot n N | oh falsch ich wollte die taxizentrale
4 ot n N h | hier brennt die luft haha nein spaß wir verkaufen heizlüfter
4 ot n N h | wir haben ein brandheißes angebot für gasgrills
4 ot n N | äh äh
4 ot n N | ja hallo ich ruf im auftrag von sonnenenergie plus an
4 ot n N | test
4 ot n N | Guten Tag, möchten Sie Ihre Festnetznummer auf Glasfaser umstellen?
4 ot n N h | haben sie einen feuerlöscher nein dann sind sie brandgefährlich haha
4 ot n N | oh tschuldigung verwählt
4 ot n N | ist das nicht die nummer von der schule
4 ot n N h | hallo hier ist die polizei nein quatsch hier ist der kevin
4 ot n N | ihre kreditkarte wurde belastet drücken sie die neun um den kauf zu stornieren
== neg_negation
3 rp n S h | es brennt nicht es qualmt nicht ich hab nur eine frage zu meiner heizung die ist zu laut
3 in n S h | kein rohrbruch ich möchte nur ein angebot für ein neues waschbecken
3 in n S h | nein nein kein notfall ich wollte nur fragen was sie für eine wartung nehmen
3 rp n S h | es riecht nicht nach gas oder so die therme zeigt nur einen fehler an
3 ap n S h | nichts ist undicht wir wollen nur die heizung für den winter checken lassen
3 in n I h | kein totalausfall nur eine frage wie wir mehr speicherplatz bekommen
3 in n W h | es wurde nicht eingebrochen ich wollte nur die preise für eine alarmanlage wissen
3 po n A h | kein notfall ich brauch nur nachschub von meinem insulin für nächste woche
3 in n K h | nein ich wurde nicht verhaftet ich hab nur eine frage zum strafrecht allgemein
3 rp n S h | es läuft kein wasser aus nur die silikonfuge ist schimmelig
3 in n S h | kein wasserrohrbruch oder so nur eine frage zu ihren öffnungszeiten
3 ap n S h | nicht dringend aber der heizkörper im flur wird nicht warm kann jemand nächste woche kommen
3 rp n I h | kein virus glaube ich der rechner ist nur sehr langsam
3 in n A h | es ist kein notfall mein kind hat nur schnupfen was empfehlen sie
3 in n S h | es gibt kein feuer und keinen rauch ich will nur einen neuen rauchmelder montieren lassen was kostet das
3 ot n N h | keine sorge hier brennt nichts ich wollte mich nur für den schnellen einsatz bedanken
3 rp n S h | es tropft nicht mehr ich hab nur gemerkt dass der boden unter der spüle etwas feucht war
3 in n W h | nein die alarmanlage ist nicht losgegangen ich wollte nur den code ändern lassen wie geht das
3 rp n I h | kein ransomware oder so einfach nur mein outlook synchronisiert nicht
3 in n K h | es ist keine festnahme mein sohn hat nur eine vorladung als zeuge bekommen
== neg_past
3 in n S h | der rohrbruch letzte woche wo bleibt die rechnung
3 co n S h | der wasserschaden vom januar ist immer noch nicht richtig repariert der boden ist wellig
3 in n S h | sie waren vor zwei wochen wegen dem heizungsausfall da ich brauche die rechnung für den vermieter
3 in n W h | wir hatten vorgestern einen einbruch die polizei war schon da ich brauche das protokoll von ihrem wachmann
3 co n I h | der hackerangriff im frühjahr hat uns viel geld gekostet und ihre rechnung dafür ist zu hoch
3 in n K h | die hausdurchsuchung war letztes jahr jetzt kam die anklage wann kann ich die akte einsehen
3 rp n S h | gestern war der keller etwas nass aber heute ist alles wieder trocken
3 in n A h | letzte woche hatte ich eine allergische reaktion auf das medikament was kann ich stattdessen nehmen
3 ot n N h | der brand bei uns ist jetzt ein jahr her und ich wollte mich nochmal bedanken
3 in n S h | damals beim gasgeruch letzten winter haben sie die leitung geprüft brauchen wir da jetzt wieder eine prüfung
3 co e S h | beim rohrbruch im dezember hat ihr notdienst vier stunden gebraucht das war eine zumutung
3 rp n I h | der server ist gestern abend kurz ausgefallen hat sich aber selbst wieder gefangen
3 in n S h | die überschwemmung im keller vom sommer kann ich da noch die rechnung nachgereicht bekommen
3 in n I h | wir hatten letzten monat ransomware und wollen jetzt wissen was ein besseres backup kostet
3 lm n K h | mein mann war letzte woche kurz in gewahrsam jetzt ist er wieder zu hause bitte rückruf von herrn berg wegen des verfahrens
== neg_figurative
3 ap n K h | mein chef bringt mich um mit den überstunden ich brauch mal einen termin wegen arbeitsrecht
3 in n I h | unsere website ist der hammer die geht ab wie eine rakete wir brauchen mehr speicher was kostet das
3 ot n N h | ich brenne darauf das neue bad zu sehen wann sind sie fertig
3 in n S h | ich brenne darauf dass die neue heizung eingebaut wird wann geht das los
3 ot n N h | mir platzt gleich der schädel vor lauter papierkram ich ruf später nochmal an
3 po n I h | bei uns brennt die hütte so viele aufträge wir brauchen drei neue laptops
3 co e S h | ich könnte explodieren ihr monteur war schon wieder nicht da
3 in n K h | mein nachbar ist eine zeitbombe der macht ständig stress kann ich da was machen
3 ot n N h | das war der hammer wie schnell sie da waren ich bin total geflasht
3 po n A h | ich sterbe vor kopfschmerzen seit heute früh haben sie ibuprofen
3 co e I h | ihr neues update ist eine katastrophe das system ist tot langsam aber es läuft
3 in n W h | unser laden wird morgen eröffnet das wird der knaller wie viele sicherheitsleute brauchen wir
3 ot n N h | das angebot ist ja der wahnsinn da brennt ja der baum
3 in n S h | ich ertrinke in rechnungen ich wollte nur fragen ob ich in raten zahlen kann
3 ap e K h | ich geh hier kaputt mit meiner vermieterin ich brauch einen termin
3 po n S h | ich hab gas gegeben und bin noch vor feierabend zu ihnen gekommen aber sie hatten zu kann ich den siphon reservieren
3 ap n S h | gas geben kann ich nicht ich sitz im stau komm eine stunde später zum termin ist das okay
3 rp n S h | die heizung ist der killer die frisst so viel gas aber sie läuft
3 in n I h | die ganze stadt spricht von dem hackerangriff bei der bank sind wir da auch gefährdet
3 co e A h | ihre preise sind ja der reinste überfall
== neg_products_gas
3 po n W h | ich hätte gern zwei feuerlöscher für die werkstatt
3 po n W h | wir brauchen neue rauchmelder für die ganze etage
3 po n S h | ich möchte einen gasmelder für die küche bestellen
3 po n A h | haben sie diese brandsalbe die bestell ich mal
3 in n S h | machen sie auch gasleitungen für einen neuen herd
3 in n S h | was kostet so eine neue gastherme mit einbau
3 ap n S h | die jährliche gasprüfung steht an wann können sie kommen
3 in n W h | können sie uns eine brandschutzschulung anbieten
3 po n W h | einen co melder und einen rauchmelder fürs ferienhaus bitte
3 in n S h | ist der gaspreis bei ihnen in der wartung mit drin
3 ap n W h | wir wollen unsere brandmeldeanlage warten lassen
3 in n I h | brauchen wir eine firewall oder reicht der router
3 po n A h | ich brauch ein notfallset für die reiseapotheke
3 in n S h | was ist besser gasheizung oder wärmepumpe
3 po n W h | bitte einen feuerlöscher nachfüllen und zwei neue bestellen
== mixed
0 rp n S | ich wollte eigentlich nur bestellen aber moment es riecht nach gas
0 rp a A | ich wollte meine bestellung abholen aber meine frau ist grad im auto zusammengebrochen
0 rp n S | ich ruf wegen der wartung an aber jetzt wo ich im keller bin riecht es irgendwie nach gas
1 rp n S | eigentlich wollte ich einen termin aber jetzt ist gerade das rohr geplatzt
0 rp n I | ich hab eine frage zur rechnung oh moment der server raucht
1 rp n W | ich wollte eigentlich einen wachmann buchen aber gerade geht bei uns die alarmanlage
0 rp a N | ich will einen mitarbeiter mein vater liegt am boden
1 rp e S | mitarbeiter sofort bei uns läuft das wasser aus der decke
1 rp n K | geben sie mir bitte einen anwalt die polizei durchsucht gerade mein büro
1 rp n I | ich will mit einem techniker sprechen bei uns ist alles verschlüsselt
2 rh n S | ich will einen menschen sprechen unser klo ist verstopft
3 rh e S | ich will mich beschweren und zwar bei einem menschen nicht bei einer maschine
3 rh n A | ich möchte meine bestellung lieber mit einem menschen besprechen
0 rp a N | bitte helfen sie mir schnell ich hab solche angst er kommt gleich wieder
1 rp a S | oh nein oh nein das wasser kommt überall raus ich hab solche angst
2 rp e S | es war ein rohrbruch ich hab zugedreht aber ich zitter immer noch bitte kommen sie heute noch
3 os e A | ich bin echt sauer das rezept ist schon wieder nicht da wo bleibt das
3 in e K | ich hab so angst vor dem termin beim gericht nächsten monat was muss ich mitbringen
0 rp a N | ich wollte nur wegen der rechnung anrufen aber ich kann nicht mehr ich will nicht mehr
1 rp n A | ich wollte eigentlich nur die öffnungszeiten wissen aber mein insulin ist alle und ich muss heute abend spritzen
3 po n S h | zwei thermostatköpfe bitte und nein es ist kein notfall die heizung läuft
1 rp n W | ich wollte mich eigentlich über ihren wachmann beschweren aber jetzt geht die alarmanlage schon wieder los
0 rp n S | kein wasserrohrbruch aber das wasser läuft über die steckdose in der küche
3 ap n S h | der hahn tropft und ich hätte gern einen termin nichts eilt
== short
0 rp a N | hilfe feuer
0 rp n N | gasgeruch
0 rp a N | einbrecher im haus
1 rp n S | rohrbruch
1 rp n S | wasserrohrbruch keller
1 rp n I | server down alles
1 rp n W | alarm im lager
2 rp n S | klo verstopft
2 rp n S | kein warmwasser
3 po n S | bestellung bitte
3 os n A | rezept fertig
3 ap n N | termin verschieben
3 lm n N | rückruf bitte
3 in n N | öffnungszeiten
3 co n N | beschwerde
3 rh n N | mitarbeiter bitte
3 rh n N | agent
4 ot n N | falsch verbunden
0 rp a N | notarzt bitte
3 in n S h | notdienst preise
1 rp n S | heizung kaputt eiskalt
1 rp n S | alles unter wasser
0 rp a N | es brennt
3 rp n S h | hahn tropft
== rambling
1 rp e S | ja hallo also ich weiß gar nicht wo ich anfangen soll wir sind gestern aus dem urlaub zurückgekommen und äh dann haben wir gemerkt dass es im keller so komisch riecht und jetzt hab ich nachgeschaut und da steht das wasser bestimmt zehn zentimeter hoch und es kommt immer noch was aus der wand
3 in n S | guten tag mein name ist hoffmann wir haben da so ein älteres haus baujahr 1965 und wir überlegen ob wir die ganze heizung erneuern lassen und vielleicht auch das bad und da wollte ich mal fragen ob sie sowas machen und was das ungefähr kostet und wie lange man da warten muss
3 co e A | also ich muss jetzt wirklich mal was loswerden ich bin seit zwanzig jahren kundin bei ihnen und was in letzter zeit los ist das geht gar nicht letzte woche die falsche packung diese woche war die lieferung nicht da und am telefon ist auch nie jemand
0 rp a N | ich weiß nicht warum ich hier anrufe ich hab die nummer einfach gewählt ich sitz hier seit stunden und mir geht's so schlecht ich hab schon ein paar tabletten genommen und ich weiß nicht ob ich noch mehr nehmen soll
3 ap n K | ja hallo also es geht um meine mutter die ist vor drei monaten verstorben und jetzt gibt es streit mit meinem bruder wegen dem haus und ich bräuchte mal eine beratung wer da was bekommt wann hätten sie denn mal einen termin frei
1 rp n I | also wir sind eine kleine arztpraxis und heute morgen wollte die helferin den rechner anmachen und da kam so ein roter bildschirm und jetzt geht auf keinem rechner mehr was und wir kommen nicht an die patientendaten ran und das wartezimmer ist voll
2 rp n S | wir haben das problem dass die toilette seit gestern abend verstopft ist wir haben schon alles probiert pümpel und heißes wasser und so ein mittel aus dem baumarkt aber es geht nicht runter und wir haben nur die eine toilette
3 po n A | hallo ich wollte was bestellen also für meinen mann die blutdrucktabletten da hat der arzt ein neues rezept ausgestellt das hab ich hier auf der karte und dann noch für mich so ein mittel gegen erkältung und vielleicht noch taschentücher wenn sie liefern können
1 rp n W | hallo hier ist schulz von der bäckerei wir haben doch den vertrag mit ihnen und ich hab gerade eine nachricht aufs handy bekommen dass der alarm bei uns im laden angegangen ist und ich wohn eine halbe stunde weg können sie da bitte jemanden hinschicken
3 rp n S h | also wir hatten letzte woche da so ein kleines problem mit dem wasserhahn im bad der hat getropft aber mein mann hat dann eine neue dichtung reingemacht und jetzt tropft er nur noch manchmal ich weiß nicht ob man da nochmal jemanden kommen lassen soll
0 rp e N | entschuldigung ich bin etwas durcheinander also ich bin hier bei meiner nachbarin die ist älter und die wollte eigentlich nur dass ich anrufe wegen ihrer heizung aber jetzt sehe ich dass sie ganz blass ist und sie sagt sie hat schmerzen im arm und in der brust
3 lm n K | ja hallo hier spricht weber ich hab letzte woche schon mit herrn berg gesprochen wegen der kündigung und er meinte ich soll noch die lohnabrechnungen schicken das hab ich jetzt gemacht per post und ich wollte nur dass er das weiß und dass er sich dann nochmal meldet
"""


# ----------------------------------------------------------------------------------------------
# Hand-written English utterances (not produced by any template)
# ----------------------------------------------------------------------------------------------

HANDWRITTEN_EN = r"""
== gas
0 rp n S | hi um there's like a really strong gas smell in our hallway i don't know where it's coming from
0 rp n S | yeah hello it smells a bit like gas in the kitchen since lunchtime i've opened the window
0 rp a N | it reeks of gas everywhere and my kids are still upstairs what do i do
0 rp n S | the cooker's off but it still smells of gas that's weird right
0 rp n S | i don't know if i'm imagining it but the cellar smells of gas and the meter is making a noise
0 rp n W | night shift at the logistics centre here there's a clear gas smell in hall two
0 rp n N | my head feels funny and it smells of gas in here could that be it
0 rp a S | gas gas i smell gas and i can't get the boiler room door open
0 rp n S | Good evening, there's a smell of gas on the ground floor of our building. Should I get everyone out?
0 rp e S | the boiler is hissing and smells of gas my husband says turn off the main valve but where is it
0 rp n A | i'm standing outside your shop and it really smells of gas out here just so you know
0 rp n S | rotten egg smell by the boiler pretty sure that's gas right
== co_alarm
0 rp n S | the carbon monoxide alarm is beeping and we've all got headaches
0 rp a N | my baby is really floppy and the co alarm is going off please
0 rp n S | the co detector in the bathroom went off i've opened the windows we're all outside now
0 rp n S | the co alarm keeps going off since the new boiler went in and i feel dizzy
0 rp n N | the co monitor says 150 ppm what does that mean
== fire_smoke
0 rp a N | fire fire the kitchen's on fire
0 rp a N | help our roof is on fire
0 rp a S | the boiler's caught fire there are flames coming out
0 rp n N | the stairwell is full of smoke and i don't know where it's from
0 rp n W | site on hafenstrasse the fire alarm panel triggered and i can see smoke from a first floor window
0 rp a N | my son's still in his room and it's full of smoke
0 rp n I | smoke is coming out of the printer and it stinks of burning
0 rp n S | there's a burning smell by the heating in the basement and white smoke coming out
0 rp n N | smoke is coming out of my neighbour's window and the smoke alarm's been going in there for ages nobody answers
0 rp a N | Help! The garage is on fire and my husband is still in there!
0 rp n A | smoke's coming out of the socket behind the till and it smells like burning plastic
0 rp n N | a bin is on fire outside the building and it's spreading to the hedge
0 rp a N | the whole flat is full of smoke i can't find the door
== electric_water
0 rp n S | water is running down the wall straight into the socket and it just went bang
0 rp n S | i've got water in the basement and all the power cables are down there should i go in
0 rp a N | it's dripping out of the bathroom light and the light is flickering i'm scared i'll get a shock
0 rp n S | water's coming through the ceiling right next to the light and it's buzzing
0 rp n S | the fuse box is wet and the breaker keeps tripping
0 rp n S | the utility room is flooded and the washing machine is still plugged in
0 rp n N | water is pouring out of the ceiling light in the hallway
== medical
0 rp a N | my husband is lying on the floor and not saying anything
0 rp a N | my wife has terrible chest pain and she's cold and sweaty
0 rp a A | i think my kid drank some bleach
0 rp a N | my mum fell and she's bleeding from her head she's not really with it
0 rp n S | your plumber cut his leg with the grinder it's bleeding quite a lot
0 rp a A | i got stung by a bee and my throat is closing up
0 rp a N | my grandad is breathing really strangely and not responding properly
0 rp n A | i accidentally took my tablets twice this morning and now i'm dizzy and my heart's racing
0 rp a N | My dad is having a fit, he's shaking all over!
0 rp n W | our guard fell on site and can't get up he's in a lot of pain in his back
0 rp a I | a colleague just collapsed in the office we don't know what to do
0 rp a N | my son ate a peanut and now he can't breathe
0 rp e N | i burned my hand really badly on the stove it's all white and hurts like hell
0 rp n N | a man just collapsed outside the pharmacy someone's doing cpr
0 rp a N | my wife's waters broke and there's a lot of blood
== violence_intruder
0 rp a N | someone smashed the patio door and i can hear footsteps downstairs
0 rp a N | my boyfriend is hitting me please send someone
0 rp a W | the burglar is still in the warehouse and he hit my colleague
0 rp n W | i can see someone climbing the fence at the car dealership on camera he's heading for the building
0 rp a N | my neighbour is going crazy and threatening people with an axe
0 rp a K | the other party is in your waiting room threatening me i've locked myself in the toilet
0 rp a N | there's a man with a gun outside our door
0 rp n W | there are people inside the school by the dike i can see torches the alarm isn't even going
0 rp a A | a guy is threatening the cashier here in the pharmacy he wants money
0 rp a N | There's a man in our garden trying to force the cellar door and I'm alone with the kids!
== selfharm
0 rp a N | i can't do this anymore i've got no strength left
0 rp a N | i don't want to live anymore
0 rp a A | i've taken all the sleeping pills you gave me
0 rp a K | since the divorce went through there's no point to anything i just want to end it
0 rp a N | i'm sitting here with a knife and i don't know why i'm even calling
0 rp a N | i can't take it anymore i just want everything to stop
0 rp a I | the company's bankrupt because of the hack i can't see a way out i'm going to end it
0 rp a N | i've cut myself and it won't stop and i don't even care
0 rp a A | how many of these tablets do you have to take for it to be over
0 rp a N | everyone would be better off if i wasn't here
0 rp a N | i can't go on i really can't
0 rp a N | i'm scared i'm going to hurt myself tonight
== flood
1 rp e S | hi help a pipe burst in the bathroom and the water's already running into the hallway
1 rp n S | yeah burst pipe in the basement i haven't turned the water off because i can't find the stopcock
1 rp a S | the whole place is flooded i don't know what to do please come quickly
1 rp n S | water's coming through my bedroom ceiling from upstairs and the neighbour's on holiday
1 rp n S | water is spraying out of the kitchen wall like a fountain
1 rp n S | a hose came off under the sink and it just keeps running
1 rp n S | the dishwasher leaked and it won't stop the whole floor is swimming
1 rp n S | the hot water tank in the cellar is leaking loads of water
1 rp a S | oh god the whole living room is wet it's coming through the ceiling and it's getting worse
1 rp n S | morning we've got water damage it's coming out of the wall behind the shower quite a lot
1 rp n S | the pipe in the garden burst and water is running into the basement
1 rp n S | a pipe in the boiler room has split and hot water is spraying out
1 rp n S | water is coming through the wall into the neighbour's place he's already been round
1 rp n S | We've got a burst pipe in the kitchen, the water is already a couple of centimetres deep.
1 rp a S | i'm freaking out the whole place is flooded
1 rp n W | the sprinklers in hall three went off but there's no fire now everything's soaked and it's still running
1 rp e S | water everywhere water everywhere it's pouring out of the loft hatch
== sewage
1 rp e S | sewage is coming up out of the drain in the basement it's disgusting
1 rp n S | sewage backup in our building the ground floor shower is full of dirty water
1 rp n S | every time we run the washing machine the toilet fills up and overflows
1 rp n S | the floor drain in the laundry room is pushing out sewage and it won't stop
1 rp n S | the toilet's overflowing and it keeps coming it's in the hallway now
1 rp n S | after the storm sewage is flowing into our cellar
1 rp a S | there's poo everywhere in the bathroom it won't stop coming up i'm losing it
== heating_cold
1 rp n S | our heating's completely off and it's freezing outside the kids are wearing coats indoors
1 rp n S | no heating since last night it's eleven degrees in the flat
1 rp n S | the boiler's on fault and won't come back on the whole house is cold
1 rp n S | no heating no hot water and it's minus seven
1 rp n S | the central heating for the whole building has failed all the flats are cold
1 rp n S | my mum is ninety and her heating has broken down it's freezing in there
1 rp n S | the heat pump's showing an error and not heating with this frost
1 rp n S | total heating failure in the building please call back from the emergency service
== no_water
1 rp n S | we've got no water at all nothing comes out of the taps
1 rp n S | no water in the whole house since this morning not in the bathroom or the kitchen
1 rp n S | the taps are dry everywhere and the toilet cistern isn't filling
1 rp n S | there's no water in the whole flat but the neighbours have water
1 rp e S | i've got no water at all and a baby at home how am i supposed to make up bottles
== pharm_vital
1 rp n A | my insulin's empty and i need to inject in two hours
1 rp n A | i need my daughter's anti seizure meds today she's only got one tablet left
1 rp n A | my inhaler's run out and i've already had two attacks today
1 rp n A | i urgently need a new epipen for my son the old one's been used
1 rp n A | my dad's morphine patches have run out he's in pain and it's friday night
1 rp n A | i've had a heart transplant and my tablets have run out i can't miss a dose
1 rp n A | i left my parkinson's medication on the train i need it today or i won't be able to move tomorrow
1 rp n A | My insulin pen broke, I dropped it. I need a replacement today.
== law_arrest
1 rp e K | the police just took my son away what do we do now
1 rp a K | there are ten police officers in our flat searching everything i'm so scared
1 rp n K | this is brandt gmbh there's a search going on at our premises we need mr berg right away
1 rp n K | my husband was arrested this morning at the airport
1 rp n K | i'm calling from the police station i've been arrested and i want to talk to my lawyer
1 rp n K | the police are at the door and want to come in they've got a warrant
1 rp n K | my daughter has been in custody since last night and she's going before the judge tomorrow
1 rp n K | customs investigators are in our warehouse seizing everything
== sec_alarm_breakin
1 rp n W | the alarm's going off at our branch and i'm at home
1 rp n W | the alarm at the car dealership has been wailing for ten minutes
1 rp n W | monitoring shows an intrusion alarm at the lindenstrasse site
1 rp n W | i just got to the building site and the container's been broken into all the tools are gone
1 rp n W | we were broken into last night the door's smashed and the till is empty
1 rp n W | a window in the hall has been smashed and stock is missing the police know but can you send someone
1 rp n W | the glass break sensor at the supermarket has triggered
1 rp n N | i just got back from holiday and we've been burgled everything's been turned over
1 rp n W | my phone says there's an alarm at the warehouse looks like a motion sensor can you send a patrol
1 rp n W | last night burglars came in through the warehouse roof the damage is huge and the roof's open
1 rp n W | The alarm at the petrol station on Kieler Strasse went off and we can't reach the manager.
== it_outage
1 rp n I | everything's gone black here not a single computer works
1 rp n I | total outage server internet phones nothing works since half seven
1 rp n I | every screen says your files have been encrypted pay now
1 rp a I | we've been hacked all the data's gone and there are patients in the waiting room
1 rp n I | our server won't boot and nobody can work
1 rp n I | the whole shop is down the tills don't work and the network is dead
1 rp n I | this is dr wagner's practice nothing has worked here since this morning
1 rp n I | i think we've got ransomware all the files end in locked now
1 rp n I | the firewall died and took the whole network with it including the phones
1 rp n I | our entire system is down and we've got client deadlines today
1 rp n I | Complete outage at our tax office, neither the server nor the internet works.
== p2_plumbing
2 rp n S | the toilet's blocked and we only have the one
2 rp n S | the loo is completely blocked nothing goes down and there are four of us with little kids
2 rp n S | no hot water since yesterday the boiler isn't doing anything
2 rp n S | hot water isn't working cold is fine heating is fine too
2 rp n S | i turned off the water because the pipe under the sink was dripping now we've got no water at all please come today
2 rp n S | the tap was leaking i closed the valve so it's dry for now
2 rp n S | the toilet won't flush and it's full but nothing's overflowing
2 rp n S | no hot water today because the boiler's in fault we don't need heating it's warm outside
2 rp e S | i haven't been able to shower for three days because there's no hot water this isn't funny anymore
2 rp n S | The only toilet in the house is blocked. Could you send someone today?
2 rp n S | the electric water heater's broken no hot water
2 rp n S h | there was a burst pipe but i turned off the main valve and nothing's running now it does need fixing today though
== p2_law
2 rp n K | i only saw the court letter today and the deadline is tomorrow
2 ap n K | i need an appointment today because i'm at the employment tribunal tomorrow
2 lm n K | please tell dr berg she has to call me today the appeal deadline ends tomorrow
2 rh n K | i need to talk to a lawyer right now my hearing is tomorrow at nine
2 rp n K | the statement has to be at the court tomorrow and my lawyer is off sick
2 rp a K | the eviction is tomorrow and i don't know where to go with my kids please i'm so scared
2 ap n K | can i come in this afternoon about a deadline that runs out tomorrow
2 rp n K | the deadline to object to the penalty order is tomorrow
2 lm e K | urgent call back today please deadline tomorrow file 412 24 i can't reach anyone
2 rp n K | the forced sale of the house is the day after tomorrow and i only just found out
== p2_misc
2 rp n I | since this morning no email is coming in for anyone but everything else works
2 rp n I | i clicked an attachment and now weird windows keep opening i've switched the computer off
2 rp n I | the wifi's gone in the whole office but cable still works
2 rp n W | the barrier at the entrance is stuck open and we need it closed tonight
2 ap n W | we need a guard from 10 pm tonight because the alarm is broken
2 po n A | my daughter needs the antibiotic today can you deliver it by this evening
2 po n A | i need my thyroid tablets today i've run out
2 rp n W | the camera at the main entrance is off and the delivery comes tonight
2 rp n I | the card terminal isn't working and it's market day but the till itself is fine
2 os n A | my son's antibiotics were supposed to come this morning where are they he needs them today
== p3_minor_plumbing
3 rp n S h | the kitchen tap keeps dripping
3 rp n S h | one radiator in the living room won't heat up the others are fine
3 rp n S h | the sink drains slowly but the shower's fine
3 rp n S h | the toilet keeps running it hisses all night
3 rp n S h | the hose dripped for a bit but it's dry now
3 rp n S h | the bathroom radiator gurgles and only gets half warm
3 rp e S h | the tap has been dripping for weeks and it's driving me mad
3 rp n S h | the heating's off but it's july so not a big deal and we've got hot water
3 rp n S h | the shower drain is a bit slow otherwise all good
3 rp n S h | there was a small patch on the ceiling earlier but it's dry now and not spreading
3 rp n S h | the boiler played up this morning but after a restart it's fine
3 rp n S h | my shower keeps dripping even when it's off
3 rp n S h | the sink in the downstairs loo is blocked but the main bathroom's fine
3 rp n S h | the pressure on the boiler is low should i top it up
3 rp n S h | not an emergency but the radiators keep clicking
3 rp n S h | The valve head on the radiator in the kids' room snapped off. That radiator's just off, the others work.
== orders_sanitaer
3 po n S | i need a new shower head with a hose if you've got them
3 po n S | could you put aside two angle valves for me i'll come by tomorrow
3 po n S | i'd like to order a soft close toilet seat
3 po n S | do you have washers for a grohe tap i'll take two
3 po n S | one radiator bleed key please for pickup
3 po n S | i'd like a cistern repair kit and a new flush button
3 po n S | order for schneider please one sink trap and two aerators
3 po n S | can you deliver a new mixer tap the old one's dead
3 po n S h | i want to order a co detector and a water leak alarm for the basement just to be safe
3 po n S | I'd like to order three thermostatic radiator valves, the white ones please.
== orders_apotheke
3 po n A | i'd like two packs of ibuprofen i've got a prescription
3 po n A | could you put aside nasal spray and cough syrup for me
3 po n A | i'd like to pre order three months of the pill
3 po n A | the prescription from dr oezdemir please with home delivery
3 po n A | i need vitamin d and magnesium and one of those big hot water bottles
3 po n A | could you get children's fever suppositories ready for me to pick up
3 po n A | i have an e prescription on my card can i reserve it
3 po n A | order for henry lange blood pressure tablets and eye drops
3 po n A h | i'd like to order a first aid kit and burn gel for the company
3 po n A h | can you order one of those smoke alarms with a ten year battery you sell them right
3 po n A h | i need something for heartburn my stomach is on fire after every meal
3 po n A | compression stockings size three please with delivery
3 po n A | I'd like to order zinc cream and baby powder, I'll collect this afternoon.
== orders_it_security
3 po n I | we need five new 27 inch monitors
3 po n I | could you order two more antivirus licences for us
3 po n I | a new laptop for our apprentice please he starts on the first
3 po n I h | we'd like to order a better firewall so a ransomware attack doesn't happen to us
3 po n W h | i'd like five fire extinguishers and two fire blankets for our office
3 po n W h | we need smoke detectors for eight rooms
3 po n W | could you supply and install two extra cameras for the car park
3 po n I | i'd like toner for the kyocera black and colour
3 po n W h | i want to buy an alarm system for my house because the neighbours got burgled
== order_status
3 os n A | is my prescription ready under krause
3 os n A | when's my order coming i ordered the day before yesterday
3 os n A | where's my delivery it should've been here this morning
3 os n A | can i pick up the cream yet or is it not in
3 os n I | we're still waiting for the laptops when are they coming
3 os n I | the headset order is two weeks overdue now
3 os n S | has the mixer tap i ordered last week come in
3 os n W | when will the new cameras be delivered
3 os n A | i wanted to ask if my mum's medicine has come in yet
3 os e A | this is the third time i'm calling about my order where is it
3 os n S | are my radiator valves in yet
3 os n I | has the printer left the warehouse we need a tracking number
3 os n A | Is my prescription ready? I wanted to come by this afternoon.
3 os n W | are the fire extinguishers on their way yet
3 os n A | any update on my order
== appointments
3 ap n S | i'd like to book a boiler service
3 ap n S | could you come by next week and check the heating
3 ap n S | i have to cancel thursday's appointment
3 ap n A | i'd like to sign up for a flu jab
3 ap n K | i'd like a consultation about my rental contract
3 ap n K | can i move my appointment with mr berg to next week
3 ap n W | we need two people on the door for the concert on saturday
3 ap n W | i'd like to book a guard over the christmas holidays
3 ap n I | could you send a technician to set up the new printer
3 ap n I | we need to book our yearly maintenance
3 ap n S | i need someone to fit new radiators when would you have time
3 ap n S | reschedule please from monday to wednesday
3 ap e K | i have to cancel tomorrow's appointment i'm in such a state about all this
3 ap n K | i'd like an appointment with a family lawyer
3 ap n W | We'd like to arrange a site visit for our new warehouse.
3 ap n S h | not an emergency i'd just like an appointment for the dripping tap
3 ap n A | can i book a medication review for my dad
3 ap n I | we've got new starters and need a date to set up their desks
3 ap n W | key handover for the new site could we do friday
3 ap n S | can i book someone to look at the boiler next month
== messages
3 lm n K | could you tell mr berg i called about the inheritance contract
3 lm n S | please tell the plumber the key is with the neighbour
3 lm n A | please tell ms hansen my husband is picking up my order
3 lm n I | message for support please call back about ticket 4711
3 lm n W | please pass on that the guard should use the back entrance tonight
3 lm n K | i'd like to leave a message ms kaya please call me tomorrow morning
3 lm n S | please call me back about a quote for a bathroom
3 lm n N | can you take my number and have someone call me back
3 lm n K | please tell dr lindner i've faxed the documents
3 lm e K | i've been trying to reach someone for days please pass on that i urgently need a call back
3 lm n I | call back request from schulz bakery about the new till computer
3 lm n W | Please let the control room know we have new opening hours from Monday.
3 lm n A | could you ask the pharmacist to call me about the interaction
3 lm n S | message for mr meyer the appointment works i'll be in
== information
3 in n S | how much do you charge per hour
3 in n S | do you do emergency call outs at the weekend
3 in n A | what time do you close today
3 in n A | do you have that migraine thing in stock the what's it called
3 in n A | where's the nearest pharmacy on duty tonight
3 in n K | do you do employment law
3 in n K | roughly how much is a first consultation
3 in n W | do you do event security
3 in n I | do you look after small medical practices
3 in n I | how much is a maintenance contract per month
3 in n S | what's your address i'd like to pick up the parts
3 in n S | how much is a heating service
3 in n A | do you deliver to pinneberg
3 in n S h | how much would it cost to call you out at night for a burst pipe just so i know
3 in n S h | i have a question about the invoice for the water damage last month
3 in n K h | my deadline isn't for six weeks i just wanted to know what to prepare
3 in n I h | how do you actually protect yourself from ransomware do you offer something
3 in n W h | what actually happens when our alarm goes off who comes
3 in n A | do i have to pay anything towards the prescription
3 in n S | can you tell me if you install heat pumps
3 in n A h | which pharmacy is on duty tonight i don't need anything urgent just for later
3 in n K | are you open on saturdays
3 in n S h | where's the invoice for the burst pipe the insurance wants it
3 in n I h | the outage the week before last how much is that going to cost
3 in n A | Do you have covid tests?
3 in n N | do you speak english
== complaints
3 co e S | your plumber was here today made a mess everywhere and the problem's still there
3 co e S | the invoice is a joke 300 euros for a washer
3 co n S | i'd like to complain the technician was two hours late
3 co e A | this is the second time the delivery hasn't come
3 co e A | the lady at the till was really rude to my mother
3 co n A | you gave me the wrong pack size
3 co e K | i've been waiting a month for my documents that's unbelievable
3 co e K | i pay you so much money and nobody ever gets back to me
3 co n W | your people left the exits open at the street festival that's not okay
3 co e W | the guard was rude to our customers i don't want that again
3 co n I | since your technician came the printer hasn't worked properly
3 co n I | the invoice is wrong there are hours on it that nobody worked
3 co e S | you just forgot my appointment i took the day off for it
3 co e S h | the burst pipe last week your guy botched it and now it's dripping again
3 co n A | the delivery was damaged the bottle leaked
3 co e I | i'm sick of this every time i have to call three times before anyone does anything
3 co e K h | you represented me last year after my arrest and it was a disaster
3 co n S | I'd like to complain about the emergency call-out at the weekend. Far too expensive and nothing was explained.
3 co e W | again nobody did the patrol i can see it in the log
3 co n N | i don't like having to talk to a machine
== request_human
3 rh n N | i'd like to speak to a member of staff please
3 rh n N | can you put me through to a human please
3 rh e N | i don't want a computer i want a person
3 rh n K | is mr berg available
3 rh n S | can i talk to the boss directly
3 rh n A | i'd like to speak to the pharmacist herself
3 rh e N | hello are you even listening i want a real human
3 rh n N | operator
3 rh n N | human please
3 rh n W | put me through to the control room please
3 rh n I | can i speak to a technician please
3 rh e N | you're not understanding me just get me someone real
3 rh n N | am i talking to a machine then i'd like an agent please
3 rh n K | i'd rather discuss this with a person it's personal
3 rh e S | just put me through to a plumber i'm not talking to a recording
3 rh n N | I'd like a member of staff on the phone please.
3 rh n N | transfer me please
3 rh n A | is there someone from the pharmacy itself on the line
3 rh e N | person person i want a person
3 rh n I | i'd like to speak to mr hansen from support please
3 rh n N | speak to someone
== other_p3
3 ot n N | are you an ai
3 ot n N | oh i forgot what i wanted
3 ot n N | yeah about that thing
3 ot n N | what time is it actually
3 ot n N | uh yeah hi i'm calling about um how do i put it
3 ot n S | can you tell me your fax number no wait i'll call back
3 ot n N | how's the weather over there
3 ot n N | i just wanted to see if anyone picks up
3 ot n N | are you real or a bot
3 ot n N | who am i talking to
3 ot n N | Hang on, I need to find my glasses.
3 ot n N | i'm not really sure how to explain this
== p4
4 ot n N | hello hello
4 ot n N | hello is anyone there hello
4 ot n N | um
4 ot n N | hm
4 ot n N | oh sorry wrong number
4 ot n N | is this dr miller's surgery no sorry then
4 ot n N | good afternoon we've got a great offer on your electricity bill
4 ot n N | this is an automated message your contract is expiring press one
4 ot n N | i'd like to tell you about our new coffee machines for the office
4 ot n N | haha is your fridge running
4 ot n N | large pepperoni please oh wrong number
4 ot n N | hello this is the prize team you've won a holiday
4 ot n N | we're doing a survey about insurance do you have five minutes
4 ot n N | sorry my kid was playing with my phone
4 ot n N | hello hello hello
4 ot n N | oh wrong one i wanted the taxi company
4 ot n N h | fire in the hole haha no just kidding we sell heaters
4 ot n N h | we've got a smoking hot offer on gas barbecues
4 ot n N | uh uh
4 ot n N | hi i'm calling on behalf of sunny energy plus
4 ot n N | test
4 ot n N | Good morning, would you like to switch your landline to fibre?
4 ot n N h | do you have a fire extinguisher no then you're a fire hazard haha
4 ot n N | oops sorry misdialled
4 ot n N | isn't this the school's number
4 ot n N h | hello this is the police no joking it's kevin
4 ot n N | your credit card has been charged press nine to cancel the purchase
4 ot n N | this is a call about your student loan forgiveness press one now
== neg_negation
3 rp n S h | nothing's on fire nothing's smoking i just have a question about my heating it's too loud
3 in n S h | no leak i just want a quote for a new sink
3 in n S h | no no not an emergency i just wanted to ask what you charge for a service
3 rp n S h | it doesn't smell of gas or anything the boiler's just showing an error
3 ap n S h | nothing's leaking we just want the heating checked before winter
3 in n I h | not a total outage just a question how we get more storage
3 in n W h | there hasn't been a break in i just wanted prices for an alarm system
3 po n A h | not an emergency i just need more insulin for next week
3 in n K h | no i wasn't arrested i just have a general question about criminal law
3 rp n S h | no water's leaking it's just the silicone that's gone mouldy
3 in n S h | no burst pipe or anything just a question about your opening hours
3 ap n S h | not urgent but the hallway radiator won't heat up can someone come next week
3 rp n I h | not a virus i don't think the computer is just really slow
3 in n A h | it's not an emergency my kid just has a cold what do you recommend
3 in n S h | there's no fire and no smoke i just want a new smoke detector fitted how much is that
3 ot n N h | don't worry nothing is on fire i just wanted to say thanks for the quick job
3 rp n S h | it's not dripping anymore i just noticed the floor under the sink was a bit damp
3 in n W h | no the alarm didn't go off i just wanted to change the code how does that work
3 rp n I h | no ransomware or anything just my outlook won't sync
3 in n K h | it's not an arrest my son just got a summons as a witness
3 in n S h | nothing is on fire i just need to know if you sell fire rated pipe collars
== neg_past
3 in n S h | the burst pipe last week where is the invoice
3 co n S h | the water damage from january still isn't properly fixed the floor is warped
3 in n S h | you came two weeks ago about the heating failure i need the invoice for my landlord
3 in n W h | we had a break in the day before yesterday the police have been i need your guard's report
3 co n I h | the hack in the spring cost us a lot and your invoice for it is too high
3 in n K h | the house search was last year now the indictment came when can i see the file
3 rp n S h | the basement was a bit wet yesterday but it's all dry again today
3 in n A h | last week i had an allergic reaction to the medicine what can i take instead
3 ot n N h | the fire at our place was a year ago and i wanted to say thanks again
3 in n S h | when we had the gas smell last winter you checked the pipes do we need another check now
3 co e S h | for the burst pipe in december your emergency service took four hours that was unacceptable
3 rp n I h | the server went down briefly last night but it recovered by itself
3 in n S h | the basement flood in the summer can i still get the invoice sent
3 in n I h | we had ransomware last month and now want to know what a better backup costs
3 lm n K h | my husband was briefly held by police last week now he's home please ask mr berg to call about the case
3 in n W h | the alarm went off on sunday but it was a false alarm can you send me the log
== neg_figurative
3 ap n K h | my boss is killing me with overtime i need an appointment about employment law
3 in n I h | our website is blowing up we need more server space how much is that
3 ot n N h | i'm dying to see the new bathroom when will you be done
3 in n S h | i'm dying to get the new boiler in when can you start
3 ot n N h | my head is about to explode from all this paperwork anyway i'll ring back later
3 po n I h | we're on fire with orders right now we need three new laptops
3 co e S h | i could explode your plumber didn't turn up again
3 in n K h | my neighbour is a ticking time bomb always causing trouble can i do anything
3 ot n N h | that was amazing how fast you got here you guys are fire
3 po n A h | i'm dying of a headache since this morning have you got ibuprofen
3 co e I h | your new update is a disaster the system is dead slow but it works
3 in n W h | our shop opens tomorrow it's going to be a blast how many security staff do we need
3 ot n N h | this deal is fire honestly
3 in n S h | i'm drowning in bills can i pay in instalments
3 ap e K h | my landlady is driving me up the wall i need an appointment
3 in n S h | i'm out of gas so i'll be an hour late to pick up the parts is that okay
3 ap n S h | i stepped on the gas pedal and still missed the appointment can we rebook
3 rp n S h | the boiler is a killer it burns so much gas but it works fine
3 in n I h | everyone's talking about the hack at the bank are we at risk too
3 co e A h | your prices are daylight robbery
3 ot n N h | my kids are killing me today anyway what was i calling about
3 in n N h | where's the nearest gas station sorry wrong place to ask probably
== neg_products_gas
3 po n W h | i'd like two fire extinguishers for the workshop
3 po n W h | we need new smoke alarms for the whole floor
3 po n S h | i'd like to order a gas detector for the kitchen
3 po n A h | do you have that burn cream i'll order some
3 in n S h | do you do gas lines for a new cooker
3 in n S h | how much is a new gas boiler fitted
3 ap n S h | the annual gas safety check is due when can you come
3 in n W h | can you offer fire safety training
3 po n W h | a co detector and a smoke alarm for the holiday home please
3 in n S h | is the gas price included in the service
3 ap n W h | we want our fire alarm system serviced
3 in n I h | do we need a firewall or is the router enough
3 po n A h | i need an emergency kit for the travel first aid bag
3 in n S h | which is better gas heating or a heat pump
3 po n W h | please refill one fire extinguisher and order two new ones
== mixed
0 rp n S | i was only going to place an order but hang on it smells of gas
0 rp a A | i came to pick up my order but my wife just collapsed in the car
0 rp n S | i'm calling about the service but now i'm in the basement it smells kind of like gas
1 rp n S | i actually wanted an appointment but the pipe just burst
0 rp n I | i have a question about the invoice oh hang on the server is smoking
1 rp n W | i actually wanted to book a guard but our alarm's going off right now
0 rp a N | i want a person my dad's lying on the floor
1 rp e S | person now water is pouring out of our ceiling
1 rp n K | get me a lawyer please the police are searching my office right now
1 rp n I | i want to talk to a technician everything's encrypted
2 rh n S | i want to talk to a person our toilet is blocked
3 rh e S | i want to complain and i want to do it to a person not a machine
3 rh n A | i'd rather sort out my order with a person
0 rp a N | please help me quickly i'm so scared he's coming back
1 rp a S | oh no oh no water is coming out everywhere i'm so scared
2 rp e S | it was a burst pipe i turned it off but i'm still shaking please come today
3 os e A | i'm really annoyed the prescription isn't here again where is it
3 in e K | i'm so nervous about the court date next month what do i need to bring
0 rp a N | i was just calling about the bill but i can't go on i don't want to anymore
1 rp n A | i only wanted the opening hours but my insulin's run out and i have to inject tonight
3 po n S h | two radiator valves please and no it's not an emergency the heating works
1 rp n W | i was going to complain about your guard but now the alarm's going off again
0 rp n S | no burst pipe but water's running over the kitchen socket
3 ap n S h | the tap drips and i'd like an appointment no rush
== short
0 rp a N | help fire
0 rp n N | gas smell
0 rp a N | burglar in the house
1 rp n S | burst pipe
1 rp n S | flooded basement
1 rp n I | server down everything
1 rp n W | alarm at the warehouse
2 rp n S | toilet blocked
2 rp n S | no hot water
3 po n S | place an order
3 os n A | prescription ready
3 ap n N | reschedule appointment
3 lm n N | call back please
3 in n N | opening hours
3 co n N | complaint
3 rh n N | agent please
3 rh n N | agent
4 ot n N | wrong number
0 rp a N | ambulance please
3 in n S h | emergency call out prices
1 rp n S | heating broken freezing
1 rp n S | everything's under water
0 rp a N | it's on fire
3 rp n S h | tap dripping
== rambling
1 rp e S | yeah hi so i don't even know where to start we got back from holiday yesterday and um we noticed this smell in the basement and i just went down and there's like ten centimetres of water and it's still coming out of the wall
3 in n S | good afternoon my name's hoffmann we've got an older house built in the sixties and we're thinking about replacing the whole heating system and maybe the bathroom too so i wanted to ask if you do that and roughly what it costs and how long the wait is
3 co e A | okay i really have to get this off my chest i've been a customer for twenty years and what's been going on lately is not okay last week the wrong pack this week the delivery didn't come and nobody ever answers the phone
0 rp a N | i don't know why i'm calling i just dialled the number i've been sitting here for hours and i feel so bad i've already taken some pills and i don't know if i should take more
3 ap n K | yes hello so it's about my mother she passed away three months ago and now there's an argument with my brother about the house and i'd need some advice about who gets what when would you have an appointment
1 rp n I | so we're a small medical practice and this morning the assistant turned on the computer and there was this red screen and now nothing works on any computer we can't get to patient records and the waiting room is full
2 rp n S | so the problem is the toilet's been blocked since last night we've tried everything plunger hot water that stuff from the hardware store nothing goes down and we only have the one toilet
3 po n A | hi i wanted to order something so for my husband the blood pressure tablets the doctor's written a new prescription it's on the card and then for me something for a cold and maybe tissues if you can deliver
1 rp n W | hi this is schulz from the bakery we've got the contract with you and i just got a message on my phone that the alarm's gone off in the shop and i live half an hour away can you send someone please
3 rp n S h | so last week we had this little problem with the bathroom tap it was dripping but my husband put a new washer in and now it only drips sometimes not sure if we should have someone come out again
0 rp e N | sorry i'm a bit all over the place i'm at my neighbour's she's elderly and she wanted me to call about her heating but now i see she's really pale and she says she's got pain in her arm and chest
3 lm n K | yes hello this is weber i spoke to mr berg last week about my dismissal and he said to send the payslips which i've done by post and i just wanted him to know and to get back to me
"""


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
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
    b marks bare turns (no greeting/closing/rambling added), x=N rows per template.
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
    crying, hopelessness, self-harm -> acute). A threat to the caller's life or someone with
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
DEFAULT_ROWS_PER_TEMPLATE = 18
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


# ----------------------------------------------------------------------------------------------
# speech-recognition style: fillers, repetitions, misspellings
# ----------------------------------------------------------------------------------------------

FILLERS = {
    "de": {
        "start": ["äh", "ähm", "also", "ja also", "öh", "hm", "na ja", "ja", "ähm also", "jaa", "so", "ach so"],
        "mid": ["äh", "ähm", "also", "halt", "irgendwie", "sozusagen", "quasi", "hm", "äh äh", "ne", "ja"],
    },
    "en": {
        "start": ["uh", "um", "so", "well", "okay so", "uh so", "yeah", "hi um", "um yeah", "like", "er"],
        "mid": ["uh", "um", "like", "you know", "i mean", "kind of", "basically", "uh uh", "sort of", "er"],
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
        "prescription": ["perscription", "prescripton"], "basement": ["basemen"], "the": ["da"],
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


def asr_style(text: str, lang: str, rng: random.Random, strength: float = 1.0) -> str:
    """Turn a written turn into what a recogniser writes. strength 0 keeps it almost as written."""
    if rng.random() < 0.2 + 0.1 * (1 - strength):
        # some rows keep casing and punctuation (recognisers with punctuation models)
        text = capitalise_sentences(text)
        if lang == "en":
            text = re.sub(r"\bi\b", "I", text)
            text = re.sub(r"\bi'", "I'", text)
        if rng.random() < 0.35 * strength:
            f = rng.choice(FILLERS[lang]["start"])
            text = f[0].upper() + f[1:] + ", " + text[0].lower() + text[1:] if lang == "en" else (
                f[0].upper() + f[1:] + ", " + text
            )
        if lang == "de" and rng.random() < 0.06:
            text = text.replace("ß", "ss")
        return text
    words = strip_punct(text.lower(), lang).split()
    if rng.random() < 0.55 * strength:
        words = insert_fillers(words, lang, rng, 1 if rng.random() < 0.6 else rng.randint(2, 3))
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
            "mein Blutdruckmittel", "die Pille", "mein Schilddrüsenmedikament", "die Antibiotika für meine Tochter",
            "das Rezept von Dr. Wagner", "mein Cholesterinmittel", "die Salbe vom Hautarzt",
            "das Rezept für meinen Mann", "die Tabletten von der Kinderärztin", "mein Rezept",
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
        "floor": ["ground floor", "first floor", "second floor", "third floor", "top floor", "basement flat"],
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
            "the prescription from dr wagner", "my cholesterol meds", "the cream from the dermatologist",
            "my husband's prescription", "my prescription", "the repeat prescription",
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


# ----------------------------------------------------------------------------------------------
# distress phrases, greetings, closings, rambling (label-neutral except distress phrases)
# ----------------------------------------------------------------------------------------------

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


# ----------------------------------------------------------------------------------------------
# templates and hand-written utterances: parsing and rendering
# ----------------------------------------------------------------------------------------------

CHOICE_RE = re.compile(r"\[([^\[\]]*)\]")
SLOT_RE = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


class Template:
    def __init__(self, lang: str, key: str, text: str, clients: str, urgency: str, intent: str,
                 distress: str, hard: bool, bare: bool, rows: int):
        self.lang, self.key, self.text = lang, key, text
        self.clients = [CLIENTS[c] for c in clients.replace("*", "SAKWIN")]
        self.urgency, self.intent, self.distress_spec = urgency, intent, distress
        self.hard, self.bare, self.rows = hard, bare, rows
        client_tag = "any" if "*" in clients else "".join(sorted(set(clients)))
        self.group = f"t.{lang}.{urgency.lower()}.{intent}.{client_tag}.{key}"


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
            rows = DEFAULT_ROWS_PER_TEMPLATE
            for f in flags:
                if f.startswith("x="):
                    rows = int(f[2:])
            if intent not in INTENTS or urg not in ("0", "1", "2", "3", "4") or any(c not in "SAKWIN*" for c in clients):
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
        if rng.random() < 0.12:
            parts.insert(0, rng.choice(RAMBLES[t.lang]))
        if rng.random() < 0.35:
            parts.insert(0, f.fill(rng.choice(OPENERS[t.lang])))
        if rng.random() < 0.3:
            urgent = t.intent == "report_problem" and t.urgency in ("P0", "P1", "P2")
            parts.append(f.fill(rng.choice(CLOSERS[t.lang]["urgent" if urgent else "routine"])))
    text = " ".join(p.strip() for p in parts if p.strip())
    text = asr_style(text, t.lang, rng)
    return {
        "text": text,
        "lang": t.lang,
        "client": rng.choice(t.clients),
        "urgency": t.urgency,
        "intent": t.intent,
        "distress": DISTRESSES[dist],
        "group": t.group,
        "_hard": t.hard,
        "_source": "template",
    }


def parse_handwritten(lang: str, block: str) -> list[dict]:
    rows: list[dict] = []
    group, fam_hard = None, False
    for raw in block.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            parts = line[2:].split()
            group, fam_hard = f"h.{lang}.{parts[0]}", "h" in parts[1:]
            continue
        if group is None or "|" not in line:
            raise SystemExit(f"hand-written line outside a family: {line}")
        head, text = line.split("|", 1)
        tok = head.split()
        if len(tok) < 4 or tok[0] not in ("0", "1", "2", "3", "4") or tok[1] not in INTENTS or tok[2] not in DISTRESSES or tok[3] not in CLIENTS:
            raise SystemExit(f"bad hand-written line: {line}")
        rows.append({
            "text": text.strip(),
            "lang": lang,
            "client": CLIENTS[tok[3]],
            "urgency": URGENCIES[int(tok[0])],
            "intent": INTENTS[tok[1]],
            "distress": DISTRESSES[tok[2]],
            "group": group,
            "_hard": fam_hard or "h" in tok[4:],
            "_source": "handwritten",
        })
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


def assign_split(rows: list[dict], rng: random.Random) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["group"]].append(r)
    gids = sorted(groups)
    rng.shuffle(gids)
    pos = {g: i for i, g in enumerate(gids)}

    def major(g: str, field: str) -> str:
        return Counter(r[field] for r in groups[g]).most_common(1)[0][0]

    def stratum(g: str) -> tuple:
        rs = groups[g]
        return (rs[0]["lang"], major(g, "urgency"), major(g, "intent"), rs[0]["_hard"], major(g, "distress"))

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

                def have() -> tuple[int, int]:
                    gs = [g for g in test if any(r["lang"] == lang and r[field] == v for r in groups[g])]
                    return sum(1 for g in gs for r in groups[g] if r["lang"] == lang and r[field] == v), len(gs)

                candidates = sorted(
                    (g for g in gids if g not in test and any(r["lang"] == lang and r[field] == v for r in groups[g])),
                    key=lambda g: pos[g],
                )
                n_rows, n_groups = have()
                while (n_rows < need or n_groups < 2) and candidates:
                    test.add(candidates.pop(0))
                    n_rows, n_groups = have()
    for r in rows:
        r["split"] = "test" if r["group"] in test else "train"


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
        out.append(f"\n### {split} ({len(rs)} rows, {len({r['group'] for r in rs})} groups)\n")
        out.append(table(rs, "urgency", URGENCIES))
        out.append("")
        out.append(table(rs, "intent", INTENT_ORDER))
        out.append("")
        out.append(table(rs, "distress", DISTRESS_ORDER))
        out.append("")
        out.append(table(rs, "client", sorted(CLIENTS.values(), key=lambda c: c or "~"), by="split" if False else "lang"))
    return "\n".join(out)


def client_table_fix(rows: list[dict]) -> None:
    for r in rows:
        r.setdefault("client", None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("-o", "--out", default=str(HERE / "corpus.jsonl"))
    ap.add_argument("--readme", action="store_true", help="also refresh the statistics block of data/README.md")
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
viol6 | {fam.nom} ist betrunken und schlägt [mich|die Kinder], ich hab mich eingesperrt.
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
self6 | Seit {legal} ist alles kaputt, ich kann nicht mehr, ich hab schon [das Messer|die Tabletten] hier liegen.
self7 | [Ich halt das alles nicht mehr aus|Ich will einfach nur noch, dass es aufhört], es wäre besser, wenn ich nicht mehr da wäre.
@ A 0 rp a
self8 | Wie viele von {rx} muss man nehmen, damit man nicht mehr aufwacht?

# ---------- P0: short and mixed ----------
@ * 0 rp a b x=10
short1 | [Feuer! Feuer!|Es brennt!|Hilfe, es brennt!|Hier brennt's, schnell!]
short2 | [Hilfe, Einbrecher!|Hilfe, da ist jemand im Haus!|Hilfe, bitte, der Mann hat ein Messer!]
short3 | [Hilfe!|Hilfe, hilfe!|Bitte helfen Sie mir!] {fam.nom} [atmet nicht|ist bewusstlos|blutet so stark].
@ * 0 rp n5e5 b x=10
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
p2apo3 | Können Sie mir das Rezept heute noch liefern? Ich komm nicht aus dem Haus und {rx} ist fast leer.

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
a_stat3 | Wann kommt die Lieferung mit {rx}?
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
a_msg1 | Können Sie der Apothekerin ausrichten, dass sie mich wegen {rx} zurückruft?
a_msg2 | Ich wollte nur Bescheid geben, dass {fam.nom} die Bestellung {future} abholt.

# ---------- P3 law firm ----------
@ K 3 ap n8e2
k_app1 | Ich hätte gern einen Termin für eine Erstberatung wegen {legal}.
k_app2 | Kann ich meinen Termin bei {lawyer} {future} verschieben?
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
w_app3 | Können wir die Schlüsselübergabe für {site.akk} auf {future} legen?
w_app4 | Ich muss die Revierfahrt {future} absagen, wir haben da offen.
w_app5 | Ich hätte gern einen Termin für die Wartung der Alarmanlage.
@ W 3 in n h
w_info1 | Wir testen morgen die Alarmanlage, wie müssen wir das bei Ihnen anmelden?
w_info2 | Was kostet ein Objektschutz für eine Baustelle pro Nacht?
w_info3 | Wenn die Alarmanlage losgeht, wie schnell sind Sie dann da?
w_info4 | Machen Sie auch Brandwachen bei Veranstaltungen?
@ W 3 rp n h
w_fals1 | Die Alarmanlage hatte gestern Nacht einen Fehlalarm, jetzt ist alles ruhig, können Sie die mal prüfen?
w_fals2 | Wir haben die Alarmanlage aus Versehen selbst ausgelöst, alles in Ordnung, kein Einbruch.
w_fals3 | Der Rauchmelder im Büro piept alle paar Minuten, ich glaub, die Batterie ist leer.
w_fals4 | Der Einbruch {past} ist erledigt, die Polizei war da, ich brauch nur noch Ihren Bericht für die Versicherung.
@ W 3 po n h
w_ord1 | Ich möchte {secitem} bestellen.
w_ord2 | Können Sie uns {secitem} liefern und montieren?
w_ord3 | Wir bräuchten noch {secitem} für {site.akk}.
@ W 3 co n3e7
w_comp1 | Ihr Wachmann hat letzte Nacht bei {site.dat} geschlafen, das haben wir auf der Kamera.
w_comp2 | Der Sicherheitsdienst bei {event} kam eine Stunde zu spät.
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
i_stat2 | Ist {hw} schon unterwegs? Wir haben {past} bestellt.
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
@ * 3 ot n h
fig1 | Ich brenne darauf, dass das neue Bad fertig wird, das wollte ich nur mal sagen.
fig2 | Mein Kopf explodiert gleich vor lauter Arbeit, ich ruf später nochmal an.
fig3 | Unser neues Produkt schlägt ein wie eine Bombe, ich wollte mich nur mal bedanken.
fig4 | Bei uns brennt gerade die Hütte, so viel zu tun, aber ich weiß gar nicht mehr, was ich wollte.

# ---------- P4 ----------
@ * 4 ot n x=14
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
@ * 4 ot n h x=12
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
viol6 | {fam.nom} is drunk and hitting [me|the kids], I've locked myself in.
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
self6 | Since {legal} everything's fallen apart, I can't go on, I've got [the knife|the pills] right here.
self7 | [I can't take it anymore|I just want it all to stop], everyone would be better off without me.
@ A 0 rp a
self8 | How many of {rx} would it take to not wake up?

# ---------- P0: short and mixed ----------
@ * 0 rp a b x=10
short1 | [Fire! Fire!|It's on fire!|Help, fire!|Fire, quick!]
short2 | [Help, burglar!|Help, there's someone in the house!|Help, please, he's got a knife!]
short3 | [Help!|Help, help!|Please help me!] {fam.nom} [isn't breathing|is unconscious|is bleeding so much].
@ * 0 rp n5e5 b x=10
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
p2apo3 | Can you deliver my prescription today? I can't leave the house and {rx} is almost gone.

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
k_app2 | Can I move my appointment with {lawyer} to {future}?
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
w_app1 | We need [two|three|four] security staff for {event} on the {day}th of {month}.
w_app2 | I'd like to book a guard for {site}, [every friday|over christmas|for two weeks].
w_app3 | Can we move the key handover for {site} to {future}?
w_app4 | I need to cancel the patrol {future}, we're open that night.
w_app5 | I'd like to book a service for the alarm system.
@ W 3 in n h
w_info1 | We're testing the alarm tomorrow, how do we let you know?
w_info2 | How much does it cost to guard a building site per night?
w_info3 | If the alarm goes off, how quickly are you there?
w_info4 | Do you provide fire watch at events?
@ W 3 rp n h
w_fals1 | The alarm had a false alarm last night, it's all quiet now, could someone check it?
w_fals2 | We set the alarm off ourselves by accident, everything's fine, no break in.
w_fals3 | The smoke detector in the office chirps every few minutes, I think the battery's dead.
w_fals4 | The break in {past} is dealt with, the police came, I just need your report for the insurance.
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
@ * 3 ot n h
fig1 | I'm dying to see the new bathroom, just wanted to say thanks.
fig2 | My head is exploding with all this work, I'll call back later.
fig3 | This deal is fire, honestly, just wanted to say thanks for the quick job.
fig4 | Our phones are blowing up today, sorry, I forgot what I wanted.

# ---------- P4 ----------
@ * 4 ot n x=14
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
@ * 4 ot n h x=12
p4prank3 | Do you have gas? Then light it up, haha.
p4prank4 | Help, fire, no just kidding, bye.
p4sales6 | We have a smoking hot deal on smoke detectors, killer prices, no fires, only savings!
@ * 4 ot n b x=8
p4sil1 | [Hello hello|Hello? Hello?|Hello, hello, anyone there?|Hello, can you hear me? Hello?]
p4sil2 | [Um|Uh|Hm|Uh, um|Um yeah]
p4sil3 | [Testing, one two|Test test|One two three, testing]
"""

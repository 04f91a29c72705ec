"""Details read from speech-recognition text: lower case, no punctuation, fillers, numbers as words."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import ValidationError

from triage.brain.extract import (
    catalog_from_rows,
    extract_address,
    extract_entities,
    extract_name,
    extract_phone,
    extract_when,
    match_order,
    parse_quantity,
    words_to_digits,
)
from triage.brain.types import Address
from triage.packs.schema import CatalogItem

NOW = datetime(2026, 11, 25, 10, 0)  # a Wednesday


# --- spoken numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("null eins sieben eins zwei drei vier fünf sechs sieben", "de", "0171234567"),
        ("zwo", "de", "2"),
        ("doppel-null vier", "de", "004"),
        ("doppelnull", "de", "00"),
        ("zweiundvierzig", "de", "42"),
        ("hundert", "de", "100"),
        ("dreiundzwanzig", "de", "23"),
        ("zweihundertdreiundzwanzig", "de", "223"),
        ("zweitausendsechsundzwanzig", "de", "2026"),
        ("null vierzig", "de", "040"),
        ("oh seven seven hundred nine double five", "en", "07700955"),
        ("twenty three", "en", "23"),
        ("twenty-three", "en", "23"),
        ("triple zero", "en", "000"),
        ("one hundred and five", "en", "105"),
        ("two thousand twenty six", "en", "2026"),
        ("ich brauche zwei Packungen", "de", "ich brauche 2 Packungen"),
        ("Achtung, elf Uhr", "de", "Achtung, 11 Uhr"),
        ("oh no the boiler", "en", "oh no the boiler"),
        ("two and three", "en", "2 and 3"),
        ("Hauptstraße vierzehn", "de", "Hauptstraße 14"),
    ],
)
def test_words_to_digits(text: str, lang: str, expected: str) -> None:
    assert words_to_digits(text, lang) == expected


def test_words_to_digits_split_values_keeps_house_number_apart_from_postcode() -> None:
    said = "hauptstraße zwölf zwei null null neun fünf hamburg"
    assert words_to_digits(said, "de") == "hauptstraße 1220095 hamburg"
    assert words_to_digits(said, "de", split_values=True) == "hauptstraße 12 20095 hamburg"


@pytest.mark.parametrize(
    ("phrase", "lang", "expected"),
    [
        ("3", "de", 3),
        ("drei", "de", 3),
        ("eine", "de", 1),
        ("einen", "de", 1),
        ("zwölf", "de", 12),
        ("dreimal", "de", 3),
        ("zweimal", "de", 2),
        ("2 mal", "de", 2),
        ("3x", "de", 3),
        ("ein paar", "de", 2),
        ("ein dutzend", "de", 12),
        ("two", "en", 2),
        ("a couple of", "en", 2),
        ("a few", "en", 3),
        ("a dozen", "en", 12),
        ("a pair of", "en", 2),
        ("half a dozen", "en", 6),
        ("twenty one", "en", 21),
        ("an", "en", 1),
        ("packungen", "de", None),
        ("milk", "en", None),
    ],
)
def test_parse_quantity(phrase: str, lang: str, expected: int | None) -> None:
    assert parse_quantity(phrase, lang) == expected


# --- phone numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("0171 2345678", "de", "01712345678"),
        ("meine nummer ist 0171 2345678", "de", "01712345678"),
        ("+49 171 2345678", "de", "+491712345678"),
        ("0049 40 123456", "de", "+4940123456"),
        ("040/123456-7", "de", "0401234567"),
        ("(030) 1234 567", "de", "0301234567"),
        ("+49 (0) 40 123456", "de", "+4940123456"),
        ("null eins sieben eins zwei drei vier fünf sechs sieben", "de", "0171234567"),
        ("ähm null eins sieben eins ähm zwei drei vier fünf sechs sieben", "de", "0171234567"),
        ("plus vier neun eins sieben eins zwei drei vier fünf sechs sieben acht", "de", "+491712345678"),
        ("null vier null dreiundzwanzig fünfundvierzig siebenundsechzig", "de", "040234567"),
        ("sie erreichen mich unter null vierzig eins zwei drei vier fünf sechs", "de", "040123456"),
        ("rufen sie mich zurück 0171, 234, 56, 78", "de", "01712345678"),
        ("oh seven seven hundred nine double five", "en", "07700955"),
        ("my number is 07700 900123", "en", "07700900123"),
        ("you can call me on oh two oh seven nine four six double zero one two", "en", "02079460012"),
        ("plus four four seven seven double zero nine double zero one two three", "en", "+447700900123"),
        ("my number is 123456", "en", "123456"),
        ("hausnummer 12 und die nummer ist 0171 2345678", "de", "01712345678"),
        ("nein die richtige nummer ist 0171 2345679", "de", "01712345679"),
    ],
)
def test_extract_phone(text: str, lang: str, expected: str) -> None:
    assert extract_phone(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ich hätte gerne ein angebot für ein neues bad", "de"),
        ("i would like a quote for a new bathroom", "en"),
        ("20095", "de"),
        ("in 20095 hamburg", "de"),
        ("hauptstraße 12 20095 hamburg", "de"),
        ("ich brauche 3 packungen ibuprofen 400", "de"),
        ("am 03.12.2026 um 14 uhr", "de"),
        ("meine kundennummer ist 0123456", "de"),
        ("the order number is 1234567", "en"),
        ("das war 2025-11-27", "de"),
        ("der preis war 1.234,56 euro", "de"),
        ("oh no the water is everywhere", "en"),
        ("0171 2", "de"),
    ],
)
def test_extract_phone_finds_none(text: str, lang: str) -> None:
    assert extract_phone(text, lang) is None


def test_extract_phone_expecting_takes_local_number() -> None:
    assert extract_phone("eins zwei drei vier fünf sechs", "de") is None
    assert extract_phone("eins zwei drei vier fünf sechs", "de", expecting=True) == "123456"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1-5-1-2233-4455", "en", "015122334455"),  # "oh one five one, …" as Whisper writes it: the "oh" lost
        ("1-6-0-1-2-3-4567", "en", "01601234567"),
        ("my number is 151 22334455", "en", "015122334455"),
        ("meine Nummer ist 151 22334455", "de", "015122334455"),
        ("40 2345678", "de", "0402345678"),
        ("2345678", "de", "2345678"),  # a local number without area code has at most 8 digits
        ("+44 20 7946 0958", "en", "+442079460958"),
    ],
)
def test_a_national_number_that_lost_its_leading_zero_gets_it_back(text: str, lang: str, expected: str) -> None:
    assert extract_phone(text, lang, expecting=True) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # a dictated number as Whisper base wrote it on the 8 kHz line (`triage eval-calls --spoken`)
        ("0-4217,766,551", "en", "04217766551"),
        ("0.4212,233,445.", "en", "04212233445"),
        ("Meine Nummer ist 0-4217,766,551.", "de", "04217766551"),
    ],
)
def test_a_number_written_with_thousands_separators_is_one_number(text: str, lang: str, expected: str) -> None:
    assert extract_phone(text, lang, expecting=True) == expected


@pytest.mark.parametrize("text", ["that is 1,250 euros", "it costs 0.50", "der Preis war 1.234,56 Euro"])
def test_a_price_with_separators_is_no_number(text: str) -> None:
    assert extract_phone(text, "en", expecting=True) is None


# --- names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("mein name ist anna schmidt", "de", "Anna Schmidt"),
        ("ja hallo guten tag mein name ist ähm lisa müller und ich habe ein problem", "de", "Lisa Müller"),
        ("hallo hier ist herr müller", "de", "Herr Müller"),
        ("hier ist anna schmidt ich habe einen rohrbruch", "de", "Anna Schmidt"),
        ("ich heiße peter", "de", "Peter"),
        ("hier spricht frau dr. weber", "de", "Frau Dr. Weber"),
        ("am apparat ist klaus meier", "de", "Klaus Meier"),
        ("schmidt hier", "de", "Schmidt"),
        ("ich bin frau müller-lüdenscheidt", "de", "Frau Müller-Lüdenscheidt"),
        ("my name is john smith", "en", "John Smith"),
        ("hi this is mary", "en", "Mary"),
        ("hi this is mary from accounting", "en", "Mary"),
        ("i'm peter brown", "en", "Peter Brown"),
        ("hello im peter brown and my heating is broken", "en", "Peter Brown"),
        ("it's sarah", "en", "Sarah"),
        ("Hi, it’s Sarah.", "en", "Sarah"),
        ("name's bond", "en", "Bond"),
        ("the name is mrs o'neill", "en", "Mrs O'Neill"),
    ],
)
def test_extract_name(text: str, lang: str, expected: str) -> None:
    assert extract_name(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("hallo ich habe einen rohrbruch", "de"),
        ("hier ist alles unter wasser", "de"),
        ("hier ist überschwemmung im keller", "de"),
        ("ich bin verzweifelt", "de"),
        ("ich bin neu hier", "de"),
        ("guten tag", "de"),
        ("this is urgent", "en"),
        ("this is ridiculous what you charge", "en"),
        ("this is peter's wife", "en"),
        ("i'm calling about my order", "en"),
        ("i'm so sorry", "en"),
        ("it's leaking everywhere", "en"),
        ("it's the boiler", "en"),
        ("hello", "en"),
        ("müller", "de"),  # a bare word only counts when the bot asked for the name
    ],
)
def test_extract_name_finds_none(text: str, lang: str) -> None:
    assert extract_name(text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("müller", "de", "Müller"),
        ("ähm anna schmidt", "de", "Anna Schmidt"),
        ("ja müller", "de", "Müller"),
        ("schmidt mit dt", "de", "Schmidt"),
        ("nein müller mit zwei l", "de", "Müller"),
        ("frau meier", "de", "Frau Meier"),
        ("uh john smith", "en", "John Smith"),
        ("smith s m i t h", "en", "Smith"),
        ("yes it's sarah connor", "en", "Sarah Connor"),
    ],
)
def test_extract_name_bare_answer_when_expecting(text: str, lang: str, expected: str) -> None:
    assert extract_name(text, lang, expecting=True) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ich weiß nicht", "de"),
        ("ja", "de"),
        ("wie bitte", "de"),
        ("ähm", "de"),
        ("null eins sieben eins", "de"),
        ("0171 2345678", "de"),
        ("abholen", "de"),
        ("wait", "en"),
        ("sorry what", "en"),
        ("delivery please", "en"),
        ("the water is rising", "en"),
        ("hello", "en"),
    ],
)
def test_extract_name_bare_answer_that_is_no_name(text: str, lang: str) -> None:
    assert extract_name(text, lang, expecting=True) is None


# the German spelling alphabet
SCHMIDT_SPELLED = "S wie Samuel, C wie Cäsar, H wie Heinrich, M wie Martha, I wie Ida, D wie Dora, T wie Theodor"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("No, Miller, M-I-L-L-E-R.", "en", "Miller"),
        ("Mola, M-I-L-L-E-R.", "en", "Miller"),  # the spelling wins over the word the recogniser made of it
        ("John Moher, M-I-L-L-E-R", "en", "John Miller"),
        ("No, Terry Jones. S-A-R-A-H.", "en", "Sarah Jones"),  # the word it sounds like is replaced
        ("M I L L E R", "en", "Miller"),
        ("m, i, l, l, e, r.", "en", "Miller"),
        ("Miller, M I double L E R", "en", "Miller"),
        ("Nein, Schmidt, S-C-H-M-I-D-T.", "de", "Schmidt"),
        (SCHMIDT_SPELLED, "de", "Schmidt"),
        ("M-I-doppel-L-E-R", "de", "Miller"),
        ("Müller, M-Ü-L-L-E-R", "de", "Müller"),
    ],
)
def test_extract_name_spelled_as_speech_recognition_writes_it(text: str, lang: str, expected: str) -> None:
    assert extract_name(text, lang, expecting=True) == expected


@pytest.mark.parametrize(
    ("text", "lang"), [("I have a pipe that is a bit old", "en"), ("a b c", "en"), ("ich habe a und b", "de")]
)
def test_single_letters_in_a_sentence_are_no_spelled_name(text: str, lang: str) -> None:
    assert extract_name(text, lang) is None


# --- addresses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("hauptstraße 12 in 20095 hamburg", "de", Address("Hauptstraße", "12", "20095", "Hamburg")),
        ("ich wohne in der goethestraße vierzehn", "de", Address("Goethestraße", "14")),
        ("berliner straße 5a 10115 berlin", "de", Address("Berliner Straße", "5a", "10115", "Berlin")),
        ("berliner strasse fünf a", "de", Address("Berliner Strasse", "5a")),
        (
            "hauptstraße zwölf zwei null null neun fünf hamburg",
            "de",
            Address("Hauptstraße", "12", "20095", "Hamburg"),
        ),
        ("ähm die adresse ist lindenallee drei in köln", "de", Address("Lindenallee", "3", city="Köln")),
        ("karl-marx-straße 3", "de", Address("Karl-Marx-Straße", "3")),
        ("hauptstr. 5", "de", Address("Hauptstraße", "5")),
        ("kurfürstendamm 21 berlin", "de", Address("Kurfürstendamm", "21", city="Berlin")),
        ("am markt 3", "de", Address("Am Markt", "3")),
        ("musterweg 7 12345 musterstadt", "de", Address("Musterweg", "7", "12345", "Musterstadt")),
        ("rosenweg 7 und meine nummer ist 0171 2345678", "de", Address("Rosenweg", "7")),
        ("frankfurter allee 100 10247 berlin", "de", Address("Frankfurter Allee", "100", "10247", "Berlin")),
        ("in 60311 frankfurt am main", "de", Address(postcode="60311", city="Frankfurt am Main")),
        ("nein hausnummer 14", "de", Address(house_number="14")),
        ("die hausnummer ist vierzehn b", "de", Address(house_number="14b")),
        ("12 baker street london", "en", Address("Baker Street", "12", city="London")),
        ("i live at 221b baker street", "en", Address("Baker Street", "221b")),
        ("i live on baker street", "en", Address("Baker Street")),
        ("it's twelve abbey road", "en", Address("Abbey Road", "12")),
        ("no the house number is 7", "en", Address(house_number="7")),
    ],
)
def test_extract_address(text: str, lang: str, expected: Address) -> None:
    assert extract_address(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("nein vierzehn", "de", Address(house_number="14")),
        ("ähm 14a", "de", Address(house_number="14a")),
        ("an der alster", "de", Address("An der Alster")),
        ("in hamburg", "de", Address(city="Hamburg")),
        ("20095 hamburg", "de", Address(postcode="20095", city="Hamburg")),
        ("zwei null null neun fünf", "de", Address(postcode="20095")),
        ("number 7", "en", Address(house_number="7")),
    ],
)
def test_extract_address_bare_answer_when_expecting(text: str, lang: str, expected: Address) -> None:
    assert extract_address(text, lang, expecting=True) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ich brauche 2 packungen ibuprofen", "de"),
        ("meine nummer ist 0171 2345678", "de"),
        ("ich habe seit 3 tagen kein warmwasser", "de"),
        ("es sind 2 zimmer unter wasser", "de"),
        ("am montag um 14 uhr", "de"),
        ("vierzehn", "de"),  # a bare number only when the bot asked for the address
        ("the boiler is 15 years old", "en"),
        ("by the way the pipe burst", "en"),
        ("i need 2 lattes", "en"),
        ("it's close to the station", "en"),
        ("hallo ich habe einen rohrbruch", "de"),
    ],
)
def test_extract_address_finds_none(text: str, lang: str) -> None:
    assert extract_address(text, lang).is_empty()


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [  # a spoken postcode as Whisper writes it on the phone line, its "oh" lost: street and town still count
        ("Halfwood 21, 22,85 Hamburg.", "en", Address("Halfwood", "21", city="Hamburg")),
        ("Hofweg 21, 220 85 Hamburg", "de", Address("Hofweg", "21", city="Hamburg")),
        ("Schlachte 3, 28,1 95 Bremen", "de", Address("Schlachte", "3", city="Bremen")),
        ("Paket 21, 22,85 Euro", "de", Address()),  # a price after a number is no town
        # a whole postcode written with a thousands separator
        ("Rosenwig 9, 22,339 Hamburg.", "en", Address("Rosenwig", "9", "22339", "Hamburg")),
        ("Langenstraße 30, 28.195 Bremen", "de", Address("Langenstraße", "30", "28195", "Bremen")),
        ("we paid 12, 28,195 euros", "en", Address()),
    ],
)
def test_a_broken_up_postcode_leaves_street_and_town(text: str, lang: str, expected: Address) -> None:
    assert extract_address(text, lang, expecting=True) == expected


# --- dates and times -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "dates", "times", "when_text"),
    [
        ("morgen vormittag", "de", ["2026-11-26"], ["forenoon"], "morgen vormittag"),
        ("übermorgen", "de", ["2026-11-27"], [], "übermorgen"),
        ("heute abend", "de", ["2026-11-25"], ["evening"], "heute abend"),
        ("heute morgen", "de", ["2026-11-25"], ["morning"], "heute morgen"),
        ("morgen früh", "de", ["2026-11-26"], ["morning"], "morgen früh"),
        ("nächsten dienstag", "de", ["2026-12-01"], [], "nächsten dienstag"),
        ("am montag", "de", ["2026-11-30"], [], "am montag"),
        ("am mittwoch", "de", ["2026-12-02"], [], "am mittwoch"),
        ("dienstag nächste woche", "de", ["2026-12-01"], [], "dienstag nächste woche"),
        ("am 3. dezember", "de", ["2026-12-03"], [], "am 3. dezember"),
        ("am dritten dezember", "de", ["2026-12-03"], [], "am dritten dezember"),
        ("am 3.12.", "de", ["2026-12-03"], [], "am 3.12."),
        ("am 5. januar", "de", ["2027-01-05"], [], "am 5. januar"),
        ("um 14 uhr", "de", [], ["14:00"], "um 14 uhr"),
        ("um vierzehn uhr dreißig", "de", [], ["14:30"], "um vierzehn uhr dreißig"),
        ("um halb drei", "de", [], ["14:30"], "um halb drei"),
        ("gegen 10", "de", [], ["10:00"], "gegen 10"),
        ("um viertel nach acht", "de", [], ["08:15"], "um viertel nach acht"),
        ("zwischen 10 und 12 uhr", "de", [], ["10:00", "12:00"], "zwischen 10 und 12 uhr"),
        ("ähm kommen sie morgen um 8", "de", ["2026-11-26"], ["08:00"], "morgen um 8"),
        ("freitag nachmittag um 3", "de", ["2026-11-27"], ["afternoon", "15:00"], "freitag nachmittag um 3"),
        ("in zwei wochen", "de", ["2026-12-09"], [], "in zwei wochen"),
        ("next tuesday", "en", ["2026-12-01"], [], "next tuesday"),
        ("tomorrow morning", "en", ["2026-11-26"], ["morning"], "tomorrow morning"),
        ("on friday at 3 pm", "en", ["2026-11-27"], ["15:00"], "on friday at 3 pm"),
        ("december 3rd", "en", ["2026-12-03"], [], "december 3rd"),
        (
            "the third of december at half past two",
            "en",
            ["2026-12-03"],
            ["14:30"],
            "the third of december at half past two",
        ),
        ("in two weeks", "en", ["2026-12-09"], [], "in two weeks"),
        ("tonight", "en", ["2026-11-25"], ["evening"], "tonight"),
        ("at 7 in the evening", "en", [], ["19:00", "evening"], "at 7 in the evening"),
        ("around noon", "en", [], ["12:00"], "around noon"),
        ("the day after tomorrow", "en", ["2026-11-27"], [], "the day after tomorrow"),
        ("2026-11-27 at 09:30", "en", ["2026-11-27"], ["09:30"], "2026-11-27 at 09:30"),
    ],
)
def test_extract_when(text: str, lang: str, dates: list[str], times: list[str], when_text: str) -> None:
    assert extract_when(text, lang, NOW) == (dates, times, when_text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("guten morgen ich habe einen rohrbruch", "de"),
        ("guten abend", "de"),
        ("ich brauche 2 packungen", "de"),
        ("ich habe seit 3 tagen kein warmwasser", "de"),
        ("good morning my heating is broken", "en"),
        ("i need 2 lattes", "en"),
    ],
)
def test_extract_when_finds_none(text: str, lang: str) -> None:
    assert extract_when(text, lang, NOW) == ([], [], None)


def test_extract_when_bare_hour_only_when_expecting() -> None:
    assert extract_when("zehn", "de", NOW) == ([], [], None)
    assert extract_when("ähm zehn", "de", NOW, expecting=True) == ([], ["10:00"], "zehn")


# --- orders ----------------------------------------------------------------------------------------

PHARMACY = [
    CatalogItem(
        sku="ibu400",
        name={"de": "Ibuprofen 400", "en": "Ibuprofen 400"},
        aliases={"de": ["ibu 400"]},
        options={"size": ["20 Stück", "50 Stück"]},
    ),
    CatalogItem(sku="ibu600", name={"de": "Ibuprofen 600", "en": "Ibuprofen 600"}),
    CatalogItem(
        sku="para500",
        name={"de": "Paracetamol 500", "en": "Paracetamol 500"},
        aliases={"de": ["paracetamol"]},
    ),
    CatalogItem(
        sku="nasal",
        name={"de": "Nasenspray", "en": "Nasal spray"},
        options={"size": ["klein", "groß"]},
        option_aliases={"groß": ["große", "grosse"], "klein": ["kleine"]},
    ),
    CatalogItem(sku="plaster", name={"de": "Pflaster", "en": "Plasters"}),
    CatalogItem(
        sku="ffp2",
        name={"de": "FFP2-Masken", "en": "FFP2 masks"},
        aliases={"de": ["ffp2 masken", "masken"]},
        options={"pack": ["5 Stück", "10 Stück"]},
        option_aliases={"5 Stück": ["5", "fünfer"], "10 Stück": ["10", "zehner"]},
    ),
]

CAFE = catalog_from_rows(
    [
        {
            "sku": "latte",
            "name": "Latte",
            "aliases": ["caffe latte", "latte macchiato"],
            "options": {"milk-options": ["oat milk", "whole milk"], "espresso-shots": ["single", "double"]},
        },
        {
            "sku": "espresso",
            "name": "Espresso",
            "aliases": ["shot of espresso"],
            "options": {"espresso-shots": ["single", "double"]},
        },
        {"sku": "croissant", "name": "Croissant", "aliases": ["butter croissant"]},
    ]
)


def _lines(text: str, lang: str, catalog: list[CatalogItem]) -> list[tuple[str, int, dict[str, str]]]:
    return [(line.sku, line.qty, line.options) for line in match_order(text, lang, catalog)]


def test_contract_catalog_latte_and_espresso_with_options() -> None:
    assert _lines("two lattes with oat milk and a double espresso", "en", CAFE) == [
        ("latte", 2, {"milk-options": "oat milk"}),
        ("espresso", 1, {"espresso-shots": "double"}),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("zwei ibuprofen 400", "de", [("ibu400", 2, {})]),
        ("drei packungen paracetamol", "de", [("para500", 3, {})]),
        ("ähm ich hätte gerne eine packung ibuprofen sechshundert", "de", [("ibu600", 1, {})]),
        ("dreimal ibuprofen 600", "de", [("ibu600", 3, {})]),
        ("ibuprofen 400 zweimal", "de", [("ibu400", 2, {})]),
        ("ein paar pflaster", "de", [("plaster", 2, {})]),
        ("zwei nasen spray", "de", [("nasal", 2, {})]),
        ("paracetamoll bitte", "de", [("para500", 1, {})]),
        ("ich hätte gerne ibuprofentabletten 400", "de", [("ibu400", 1, {})]),
        # a compound that starts with another word than the item's name
        ("zwei kinderparacetamol", "de", [("para500", 2, {})]),
        ("drei schmerzibuprofen 400", "de", [("ibu400", 3, {})]),
        ("ein nasenspray die große bitte", "de", [("nasal", 1, {"size": "groß"})]),
        ("ibuprofen vierhundert zwanzig stück", "de", [("ibu400", 1, {"size": "20 Stück"})]),
        ("ibuprofen 400 die 20er packung", "de", [("ibu400", 1, {"size": "20 Stück"})]),
        (
            "zwei ibuprofen 400 mit 50 stück und ein kleines nasenspray",
            "de",
            [("ibu400", 2, {"size": "50 Stück"}), ("nasal", 1, {"size": "klein"})],
        ),
        ("fünf ffp2 masken", "de", [("ffp2", 5, {})]),
        ("ffp2 masken die zehner", "de", [("ffp2", 1, {"pack": "10 Stück"})]),
        ("zwei packungen masken mit 5 stück", "de", [("ffp2", 2, {"pack": "5 Stück"})]),
        ("kein ibuprofen sondern paracetamol", "de", [("para500", 1, {})]),
        ("paracetamol statt ibuprofen 400", "de", [("para500", 1, {})]),
        ("two nasal sprays and some plasters", "en", [("nasal", 2, {}), ("plaster", 1, {})]),
    ],
)
def test_match_order_pharmacy(text: str, lang: str, expected: list[tuple[str, int, dict[str, str]]]) -> None:
    assert _lines(text, lang, PHARMACY) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("a couple of lattes", "en", [("latte", 2, {})]),
        ("i'd like half a dozen croissants", "en", [("croissant", 6, {})]),
        ("three expressos please", "en", [("espresso", 3, {})]),
        (
            "two double espressos and a latte",
            "en",
            [("espresso", 2, {"espresso-shots": "double"}), ("latte", 1, {})],
        ),
        ("one latte whole milk", "en", [("latte", 1, {"milk-options": "whole milk"})]),
        ("a dozen butter croissants", "en", [("croissant", 12, {})]),
        ("a latte macchiato and a pair of croissants", "en", [("latte", 1, {}), ("croissant", 2, {})]),
        ("zwei latte und drei croissants", "de", [("latte", 2, {}), ("croissant", 3, {})]),
        ("no croissant just an espresso", "en", [("espresso", 1, {})]),
        ("a latte without the croissant", "en", [("latte", 1, {})]),
        ("i don't want the espresso just a latte", "en", [("latte", 1, {})]),
        ("no two lattes", "en", [("latte", 2, {})]),
        ("kein problem ich nehme zwei latte", "de", [("latte", 2, {})]),
    ],
)
def test_match_order_cafe(text: str, lang: str, expected: list[tuple[str, int, dict[str, str]]]) -> None:
    assert _lines(text, lang, CAFE) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ich brauche zwei", "de"),
        ("ich brauche was gegen kopfschmerzen", "de"),
        ("ich habe einen rohrbruch im keller", "de"),
        ("können sie mich bitte zurückrufen", "de"),
        ("keine pflaster bitte", "de"),
        ("no croissant for me", "en"),
        ("wann haben sie geöffnet", "de"),
        ("i need a plumber", "en"),
        ("my pipe burst and the kitchen is flooded", "en"),
        ("later please", "en"),
        ("the latter is better", "en"),
        ("can i pay by card", "en"),
    ],
)
def test_match_order_finds_nothing(text: str, lang: str) -> None:
    assert match_order(text, lang, PHARMACY + CAFE) == []


def test_match_order_name_in_the_other_language() -> None:
    assert _lines("zwei plasters", "de", PHARMACY) == [("plaster", 2, {})]
    assert _lines("two pflaster", "en", PHARMACY) == [("plaster", 2, {})]


def test_match_order_line_carries_name_in_callers_language() -> None:
    (line,) = match_order("two nasal sprays", "en", PHARMACY)
    assert line.name == "Nasal spray"
    assert line.as_dict() == {"sku": "nasal", "name": "Nasal spray", "qty": 2}


def test_catalog_from_rows() -> None:
    (item,) = catalog_from_rows(
        [{"sku": "a1", "name": "Oat latte", "aliases": ["hafer latte"], "options": {"size": ["s", "l"]}}]
    )
    assert item.name == {"de": "Oat latte", "en": "Oat latte"}
    assert item.aliases == {"de": ["hafer latte"], "en": ["hafer latte"]}
    assert item.options == {"size": ["s", "l"]}


def test_catalog_from_rows_single_alias_string() -> None:
    (item,) = catalog_from_rows([{"sku": "t", "name": "Tea", "aliases": "chai"}])
    assert item.aliases == {"de": ["chai"], "en": ["chai"]}


@pytest.mark.parametrize("rows", [[{"name": "x"}], [{"sku": "x"}], ["latte"]])
def test_catalog_from_rows_rejects_rows_without_sku_or_name(rows: list) -> None:
    with pytest.raises(TypeError, match="catalog\\[0\\]"):
        catalog_from_rows(rows)


def test_catalog_from_rows_rejects_wrong_field_types() -> None:
    with pytest.raises(ValidationError):
        catalog_from_rows([{"sku": "x", "name": "X", "options": {"size": "large"}}])


# --- everything at once ----------------------------------------------------------------------------


def test_extract_entities_all_details() -> None:
    said = (
        "hallo mein name ist anna schmidt ich wohne in der goethestraße 14 in 20095 hamburg "
        "meine nummer ist null eins sieben eins zwei drei vier fünf sechs sieben acht "
        "können sie morgen vormittag kommen"
    )
    entities = extract_entities(said, "de", now=NOW)
    assert entities.as_dict() == {
        "name": "Anna Schmidt",
        "phone": "01712345678",
        "address": {"street": "Goethestraße", "house_number": "14", "postcode": "20095", "city": "Hamburg"},
        "dates": ["2026-11-26"],
        "times": ["forenoon"],
        "when_text": "morgen vormittag",
    }


def test_extract_entities_bare_answers_only_when_expected() -> None:
    assert extract_entities("müller", "de", now=NOW).name is None
    assert extract_entities("müller", "de", now=NOW, expecting=frozenset({"name"})).name == "Müller"
    assert extract_entities("vierzehn", "de", now=NOW, expecting=frozenset({"address"})).address == Address(
        house_number="14"
    )
    assert (
        extract_entities("eins zwei drei vier fünf sechs", "de", now=NOW, expecting=frozenset({"phone"})).phone
        == "123456"
    )


def test_extract_entities_quote_request_has_nothing() -> None:
    entities = extract_entities("ähm ich hätte gerne ein angebot für eine neue heizung", "de", now=NOW)
    assert entities.as_dict() == {}


@pytest.mark.parametrize(
    ("text", "lang", "street", "number"),
    [
        ("No, it's number 16, Baker Street.", "en", "Baker Street", "16"),
        ("Nein, Nummer 16, Goethestraße.", "de", "Goethestraße", "16"),
    ],
)
def test_a_house_number_named_before_its_street_belongs_to_it(text, lang, street, number):
    """A correction at the address read-back, as callers say it: the number first, then the street."""
    address = extract_address(text, lang, True)
    assert (address.street, address.house_number) == (street, number)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I need a Radiator Bleak Key please.", [("SAN-ENTLUEFT", 1, {})]),  # Whisper base on the phone line
        ("two radiator bleed keys", [("SAN-ENTLUEFT", 2, {})]),
        ("it is a bleak day", []),  # one misheard word alone is not a name
        ("the bleak weather key", []),
    ],
)
def test_one_misheard_word_of_a_longer_name_is_taken_when_the_rest_is_exact(
    text: str, expected: list[tuple[str, int, dict[str, str]]]
) -> None:
    from triage.packs.load import load_pack

    catalog = load_pack("sanitaer-notdienst").catalog
    assert _lines(text, "en", catalog) == expected

"""Single utterances as speech recognition writes them: the decisions a caller's safety depends on.

Each case is run through the real analyser (rules + the shipped classifier), with the client when
the situation is that client's own emergency.
"""

from __future__ import annotations

from functools import cache

import pytest

from triage.brain.analyze import analyze
from triage.brain.classify import classify
from triage.brain.model import TextModel, default_model_dir
from triage.packs.load import load_pack


@cache
def model() -> TextModel:
    return TextModel.load(default_model_dir())


def decide(text: str, client: str | None = None, lang: str | None = None):
    return analyze(text, pack=load_pack(client) if client else None, model=model(), lang=lang)


@pytest.mark.parametrize(
    ("text", "client", "urgency"),
    [
        # P0: danger to people now
        ("ähm es riecht hier total nach gas", None, "P0"),
        ("hallo ja also im treppenhaus stinkt es nach gas", "sanitaer-notdienst", "P0"),
        ("there's smoke coming out of the kitchen", None, "P0"),
        ("der co melder piept die ganze zeit und mir ist schwindelig", None, "P0"),
        ("water is dripping into the light fitting in the hall", None, "P0"),
        ("mein sohn ist gestürzt er blutet stark am kopf", None, "P0"),
        ("der einbrecher ist noch im haus ich hab mich im bad eingeschlossen", "sicherheitsdienst-nord", "P0"),
        ("i'm going to kill myself tonight", None, "P0"),
        # P1: ongoing serious damage or the client's own emergency
        ("die bude steht unter wasser", "sanitaer-notdienst", "P1"),
        ("wasserrohrbruch im keller", "sanitaer-notdienst", "P1"),
        ("uh a pipe burst upstairs and water is coming through the ceiling", "sanitaer-notdienst", "P1"),
        ("das abwasser drückt aus der dusche hoch", "sanitaer-notdienst", "P1"),
        ("heizung komplett ausgefallen und es ist eiskalt in der wohnung", "sanitaer-notdienst", "P1"),
        ("bei uns kommt gar kein wasser mehr aus der leitung", "sanitaer-notdienst", "P1"),
        ("bei uns wurde heute nacht eingebrochen", "sicherheitsdienst-nord", "P1"),
        ("die alarmanlage im lager ist losgegangen", "sicherheitsdienst-nord", "P1"),
        ("mein mann wurde heute früh verhaftet", "kanzlei-berg", "P1"),
        ("the police are searching our offices right now", "kanzlei-berg", "P1"),
        ("wir wurden gehackt alle dateien sind verschlüsselt", "it-service-hansa", "P1"),
        ("our server is down and nobody can work", "it-service-hansa", "P1"),
        ("mein insulin ist alle und ich brauche heute noch welches", "apotheke-am-markt", "P1"),
        # P2: urgent today, nothing being damaged now
        ("unsere einzige toilette ist verstopft", "sanitaer-notdienst", "P2"),
        ("seit heute morgen kein warmes wasser", "sanitaer-notdienst", "P2"),
        (
            "ich hab den haupthahn zugedreht jetzt läuft nichts mehr aber das rohr ist kaputt",
            "sanitaer-notdienst",
            "P2",
        ),
        ("die frist für den widerspruch läuft morgen ab", "kanzlei-berg", "P2"),
        # P3: routine, including negation and the past
        ("no leak i just want a quote for a new bathroom", "sanitaer-notdienst", "P3"),
        ("kein rohrbruch ich möchte nur einen kostenvoranschlag", "sanitaer-notdienst", "P3"),
        ("the burst pipe last week where is the invoice", "sanitaer-notdienst", "P3"),
        ("der rohrbruch letzte woche wo bleibt die rechnung", "sanitaer-notdienst", "P3"),
        ("was würde ein notdiensteinsatz bei einem größeren rohrbruch kosten", "sanitaer-notdienst", "P3"),
        ("ich hatte letztes jahr einen beinbruch deshalb kann ich nicht in den keller", "sanitaer-notdienst", "P3"),
        ("I broke my arm last year so I can't bleed the radiators myself", "sanitaer-notdienst", "P3"),
        ("der wasserhahn in der küche tropft", "sanitaer-notdienst", "P3"),
        ("ein heizkörper im schlafzimmer wird nicht warm", "sanitaer-notdienst", "P3"),
        ("es hat kurz getropft aber jetzt ist alles wieder trocken", "sanitaer-notdienst", "P3"),
        ("ich möchte einen rauchmelder bestellen", None, "P3"),
        ("ich hätte gern zwei packungen ibuprofen", "apotheke-am-markt", "P3"),
        ("wann haben sie morgen geöffnet", "apotheke-am-markt", "P3"),
        # P4: no action
        ("oh sorry falsch verbunden", None, "P4"),
        ("", None, "P4"),
        ("congratulations you have won a cruise press one now", None, "P4"),
    ],
)
def test_urgency(text, client, urgency):
    result = decide(text, client)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ich möchte mit einem mitarbeiter sprechen", "request_human"),
        ("can i speak to a real person", "request_human"),
        ("ich möchte drei packungen paracetamol bestellen", "place_order"),
        ("wo bleibt meine bestellung von letzter woche", "order_status"),
        ("ich brauche einen termin für die heizungswartung", "appointment"),
        ("bitte richten sie herrn berg aus dass er mich zurückrufen soll", "leave_message"),
        ("what are your opening hours on saturday", "information"),
        ("ich will mich beschweren ihr techniker hat pfusch gemacht", "complaint"),
        ("bei uns ist ein rohr geplatzt", "report_problem"),
    ],
)
def test_intent(text, intent):
    result = decide(text)
    assert result.intent == intent, (text, result.intent, result.evidence)


@pytest.mark.parametrize(
    ("text", "distress"),
    [
        ("hilfe hilfe ich hab solche angst das wasser steigt", "acute"),
        ("i can't go on anymore it's all hopeless", "acute"),
        ("das ist jetzt schon das dritte mal dass ich anrufe ich bin echt sauer", "elevated"),
        ("i'm really worried about the damp patch", "elevated"),
        ("ich möchte bitte einen termin für nächste woche", "none"),
    ],
)
def test_distress(text, distress):
    result = decide(text)
    assert result.distress == distress, (text, result.distress, result.evidence)


def test_evidence_names_the_words_that_decided():
    result = decide("äh bei uns riecht es im keller so komisch nach gas")
    assert any("gas" in e for e in result.evidence if e.startswith("rule "))
    assert result.hazard == "gas"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ja hallo bei mir ist die heizung kaputt", "de"),
        ("yes hello my heating is broken", "en"),
        ("mir is schlecht", "de"),
        ("the boiler", "en"),
    ],
)
def test_language(text, lang):
    assert decide(text).language == lang


# --- life threat and acute distress, long and short, both languages (issue 11, item 4) ----------
@pytest.mark.parametrize(
    "text",
    [
        "mein opa hat beim rasenmähen einen stromschlag abbekommen und reagiert kaum noch",
        "Meine Nachbarin ist auf der Treppe ausgerutscht und kann nicht mehr aufstehen.",
        "er hat mich schon wieder geschlagen und ist noch in der wohnung",
        "ich will allem ein ende setzen",
        "Es tut mir leid, ich kann nicht mehr. Die Bank nimmt mir alles, ich will einfach nicht mehr da sein.",
        "my brother touched the fence and got an electric shock, he's not responding",
        "i slipped on the stairs and i can't get up",
        "my girlfriend's ex just punched me and he's still outside the door",
        "i'm done, i want to end it all",
        "Sorry to bother you. I've lost my job and my home and honestly nobody would miss me.",
        # a real recorded sentence (Common Voice, ../shared/audio/de/cv_de_18818000.wav): "bei einem Sturz"
        # belongs to the fall that happened, it does not make the fracture a question
        "frau senninger aus dem zweiten stock hat bei einem sturz einen oberschenkelhalsbruch erlitten",
        "my dad fell in the garden and I think he broke his hip",
    ],
)
def test_danger_to_life_is_p0_with_acute_distress(text):
    result = decide(text)
    assert (result.urgency, result.distress) == ("P0", "acute"), (text, result.distress, result.evidence)
    assert result.acute_by_rule and result.by_rule  # a rule decided: it goes to a human at once


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("holen sie mir SOFORT jemanden ans telefon im keller läuft das wasser rein", "sanitaer-notdienst"),
        ("put me through to someone NOW water is coming through the ceiling", "sanitaer-notdienst"),
    ],
)
def test_shouting_about_an_emergency_is_acute(text, client):
    result = decide(text, client)
    assert (result.urgency, result.distress) == ("P1", "acute"), (text, result.evidence)
    assert result.acute_by_rule


# --- everyday turns are never an emergency and never distress (issue 11, item 2) --------------
@pytest.mark.parametrize(
    "text",
    [
        "Guten Morgen!", "ja genau", "nein danke", "Natürlich, gerne.", "Das ist mir wurscht.", "danke schön",
        "null eins sieben drei vier vier fünf sechs", "Lindenallee 7", "Sabine Krüger", "hm",
        "Good afternoon!", "yes please", "no thank you", "sure thing", "say it again please",
        "07700 900456", "22 Station Road", "Tom Baker", "cheers, bye",
    ],
)
def test_everyday_turns_are_never_an_emergency(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1") and not result.urgency_unsure, (text, result.urgency, result.evidence)
    assert result.distress == "none", (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    ("text", "client", "urgency", "intent"),
    [
        # the label contract (data/eval/README.md): what the caller wants, also in an emergency
        ("verbinden sie mich sofort mit einem techniker im bad spritzt das wasser aus der leitung", None, "P1",
         "request_human"),
        ("i want to talk to a person right now the whole kitchen smells of gas", None, "P0", "request_human"),
        ("mein vater hat keine herztabletten mehr und muss heute abend eine nehmen", "apotheke-am-markt", "P1",
         "place_order"),
        ("my mum's run out of her warfarin and needs a dose tonight", "apotheke-am-markt", "P1", "place_order"),
        ("ich will mich heute abend umbringen", None, "P0", "other"),
        ("i'm going to kill myself tonight", None, "P0", "other"),
        ("er droht mich umzubringen und steht vor meiner tür", None, "P0", "report_problem"),
        # a greeting or a yes is a caller who has not said what they need; a filler is no caller at all
        ("hallo", None, "P3", "other"),
        ("yes", None, "P3", "other"),
        ("ähm", None, "P4", "other"),
        # signs of carbon monoxide, a child who drank a cleaner, a chest pain in everyday words
        ("uns ist allen übel und schwindelig seit der gasofen läuft", None, "P0", "report_problem"),
        ("we've all got headaches and feel dizzy since the heater came on", None, "P0", "report_problem"),
        ("mein sohn hat vom spülmittel getrunken", None, "P0", "report_problem"),
        ("my little girl has swallowed some bleach", None, "P0", "report_problem"),
        ("ich hab so einen druck auf der brust und mein linker arm kribbelt", None, "P0", "report_problem"),
        # a hazard asked about for some day is a question, not an emergency
        ("was müsste ich machen falls mal die heizung im winter ausfällt", None, "P3", "information"),
    ],
)
def test_label_contract(text, client, urgency, intent):
    result = decide(text, client)
    assert (result.urgency, result.intent) == (urgency, intent), (text, result.urgency, result.intent, result.evidence)


# --- a model-only emergency needs a close training example (issue 11, item 2) ------------------
def _prediction(urgency: str, nearest_similarity: float):
    from triage.brain.model import Example, Prediction
    from triage.brain.types import DISTRESSES, INTENTS, URGENCIES

    def dist(labels, top):
        return {label: (0.9 if label == top else 0.1 / (len(labels) - 1)) for label in labels}

    example = Example("ein training example", urgency, nearest_similarity)
    return Prediction(
        dist(URGENCIES, urgency), dist(INTENTS, "report_problem"), dist(DISTRESSES, "none"),
        nearest=(example,), nearest_urgent=example,
    )


def test_model_only_emergency_without_a_close_example_is_asked_not_acted_on():
    from triage.brain.classify import CLOSE_EXAMPLE, classify

    text = "da ist irgendwas ganz komisch bei uns im hinterhof passiert"
    far = classify(text, prediction=_prediction("P0", CLOSE_EXAMPLE - 0.2))
    assert (far.urgency, far.urgency_unsure) == ("P2", True)
    assert any("no close emergency example" in e for e in far.evidence)
    near = classify(text, prediction=_prediction("P0", CLOSE_EXAMPLE + 0.2))
    assert (near.urgency, near.urgency_unsure) == ("P0", False)
    assert any("like the example" in e for e in near.evidence)
    # a rule never needs the model's examples
    ruled = classify("es riecht nach gas", prediction=_prediction("P3", 0.0))
    assert (ruled.urgency, ruled.urgency_unsure) == ("P0", False)


def test_a_model_only_emergency_after_the_caller_denied_the_danger_is_asked():
    """"No gas smell, the heating just makes noises": the model's emergency is the very danger denied."""
    from triage.brain.classify import CLOSE_EXAMPLE, classify

    text = "no gas smell or anything, the heating is just making odd noises"
    d = classify(text, prediction=_prediction("P1", CLOSE_EXAMPLE + 0.2))
    assert (d.urgency, d.urgency_unsure) == ("P2", True), d.evidence
    # without the denial the same prediction stands
    plain = classify("the heating is making odd noises and something is wrong", prediction=_prediction("P1", 0.8))
    assert (plain.urgency, plain.urgency_unsure) == ("P1", False), plain.evidence


@pytest.mark.parametrize(
    "text",
    ["i nearly fell earlier but i'm fine, i just need some cream for bruises",
     "ich bin vorhin fast hingefallen, aber alles gut, ich brauche nur eine salbe"],
)
def test_a_model_only_emergency_where_nothing_happened_is_routine(text):
    from triage.brain.classify import classify

    d = classify(text, prediction=_prediction("P0", 0.8))
    assert d.urgency == "P3" and not d.urgency_unsure, d.evidence


@pytest.mark.parametrize(
    ("text", "distress"),
    [
        # a plea is acute with a danger to people, elevated about a lost invoice or a flooded kitchen
        ("bitte helfen sie mir, ich finde meine rechnung nicht", "elevated"),
        ("please help me, i can't find my last invoice", "elevated"),
        ("bitte helfen sie mir, mein mann atmet nicht mehr", "acute"),
        ("please help me, my husband isn't breathing", "acute"),
        # "dying" and "sterben" in ordinary senses
        ("ich sterbe hier gleich vor langeweile in ihrer warteschleife", "elevated"),
    ],
)
def test_a_plea_is_acute_only_with_a_danger_to_people(text, distress):
    result = decide(text)
    assert result.distress == distress, (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    ("text", "client", "urgency", "intent"),
    [
        # a fault that blocks today's work is P2, and invoices the caller sends are no invoice for past work
        ("ich kann heute keine rechnungen verschicken, das buchhaltungsprogramm startet nicht", "it-service-hansa",
         "P2", "report_problem"),
        ("we can't send out any invoices today, the accounting software won't start", "it-service-hansa", "P2",
         "report_problem"),
        # a quote is a callback with the request, even with "ich hätte gern"
        ("ich hätte gern ein angebot für eine alarmanlage, rufen sie mich zurück", "sicherheitsdienst-nord", "P3",
         "leave_message"),
        ("could you put together a quote for a new gas boiler", "sanitaer-notdienst", "P3", "leave_message"),
        # a hazard fixed already is no emergency (the intent is left to the model)
        ("there was a slight gas smell this morning but the engineer already fixed it, i just need the report",
         "sanitaer-notdienst", "P3", None),
        # fire in an ordinary sense
        ("wer hat eigentlich das feuer erfunden", None, "P4", "other"),
    ],
)  # fmt: skip
def test_label_contract_for_work_quotes_and_look_alikes(text, client, urgency, intent):
    result = decide(text, client)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)
    assert intent is None or result.intent == intent, (text, result.intent, result.evidence)


# --- hazards as people say them and as Whisper writes them over a phone line -------------------------
@pytest.mark.parametrize(
    "text",
    [
        # misheard over 8 kHz: a thigh-bone fracture, a CO alarm, split compounds
        "oberchenkelhalsbuch meine mutter liegt im flur",
        "der zeh o melder piept ständig",
        "the sea oh alarm keeps going off",
        "wasser läuft in den sicherungs kasten",
        "water's pouring into the fuse board",
        # colloquial electric shocks
        "er hat ne gewischt bekommen am herd",
        "my dad got a jolt off the socket",
        # falls from a height, near-drowning, stroke signs
        "mein kollege ist vom gerüst gefallen",
        "one of the lads just fell off the scaffolding",
        "die kleine ist in den pool gefallen",
        "my son fell into the pond",
        "ich seh alles doppelt und mein arm ist ganz lahm",
        "her words are all slurred and she suddenly can't lift her arm",
        # poisoning with a cleaner, a fight in progress, gas-fired heating with symptoms
        "die kleine hat rohrfrei getrunken",
        "the little one drank some drain unblocker",
        "im treppenhaus schlagen zwei männer aufeinander ein",
        "two men are laying into each other in the stairwell",
        "es riecht nach abgas wenn die therme läuft und mir ist übel",
        "there's an exhaust smell when the boiler runs and i feel sick",
        # a dialect farewell, a person "just lying there" after a shock
        "i hab des gfühl i pack des nimmer i will nimmer",
        "the electrician got a shock and he's just lying there",
        # split and misheard words of the recogniser
        "brauch einen kranken wagen mein vater ist um gefallen",
        "need an amber lance my dad's collapsed",
        "ein ein brecher ist im haus",
        "ich will mich um bringen",
        "she's unconscience",
        # an emergency late in a long turn, a sudden collapse at dinner
        "kurze frage zu ihren öffnungszeiten ach und übrigens riecht es bei mir im flur seit heute früh nach gas",
        "so we were just having dinner and my father in law suddenly stopped talking and slumped to one side",
        # a car on fire, an axe wound, a child hanging off a balcony
        "da brennt ein auto direkt vor unserem lager",
        "grandad's hit his leg with the axe chopping wood",
        "my little boy climbed onto the balcony and is hanging off the railing",
        "mein sohn ist aufs geländer geklettert und hängt am balkon",
        # a child missing by the water
        "mein kind ist weg es war grad noch am see",
        "my child's gone she was just by the pool",
        # issue 11, the fourteenth development set's families
        # the recogniser's spellings of an electric shock, a shock off a named device
        "my dad got a lectric shock off the kettle",
        "mein kollege hat nen schlag vom verteiler gekriegt",
        # a seizure said as "been fitting"
        "my daughter has been fitting for ten minutes",
        # an assault in progress said as "getting beaten up"
        "some lad is getting beaten up outside the chip shop",
        # someone trying to get in
        "da ist jemand am küchenfenster und versucht reinzukommen",
        # a CO detector beeping, named a few words before
        "the co alarm up in the hallway is beeping",
        # smoke with the contraction
        "smoke's pouring out from under the stairs",
    ],
)
def test_misheard_and_colloquial_hazards_are_p0_by_rule(text):
    result = decide(text)
    assert result.urgency == "P0" and result.by_rule, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "distress"),
    [
        ("es stinkt nach gas und mir wird ganz komisch", "acute"),
        ("it reeks of gas and i'm starting to feel dizzy", "acute"),
        ("ich will einfach nicht mehr aufwachen", "acute"),
        ("i just don't want to wake up anymore", "acute"),
    ],
)
def test_gas_with_symptoms_and_indirect_self_harm_are_acute(text, distress):
    result = decide(text)
    assert (result.urgency, result.distress) == ("P0", distress), (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # words of emergencies in an ordinary sense, negated, or about objects
        "he collapsed the boxes and put them out for recycling",
        "es läuft kein wasser aus, ich will nur den termin verschieben",
        "es brennt nichts, die anzeige an der therme blinkt nur rot",
        "my husband nearly had a heart attack when he saw the bill",
        "mein mann hätte fast einen herzinfarkt bekommen als er die rechnung sah",
        "the fire insurance wants a certificate from you",
        "a tile fell off the roof into the garden",
        "der ziegel ist vom dach gefallen",
        "es riecht ein bisschen muffig aus dem abfluss",
        "the radiators are making knocking noises",
        "mein nachbar hat gestern gas gerochen, die stadtwerke haben geprüft und es ist in ordnung",
        "the office alarm went off last night but it was just the caretaker",
        "meine tochter ist weg zum studieren nach berlin",
        "i can't find my keys",
        # devices that do not respond are no person; the pharmacy's pills are ready for collection
        "der drucker reagiert nicht mehr",
        "the website is not responding since this morning",
        "ihre tabletten liegen bereit zum abholen",
        "your pills are ready for collection",
        # children squabbling, a fight at last year's party, a burning sensation
        "the kids keep kicking each other in the back of the car",
        "wir hatten eine schlägerei auf der firmenfeier, nächstes mal wollen wir security",
        "it's burning when i pee, have you got something for that",
        "i slipped in the bath yesterday but only bumped my knee, i need some cream",
        "der brand schutz beauftragte möchte einen termin",
        "der krankenwagen fahrer hat vor unserer einfahrt geparkt",
        "the restaurant has a lovely ambience",
        "i left my glasses in the ambulance where do i get them back",
        "wir hatten gestern einen kleinen kabelbrand aber die feuerwehr hat alles gelöscht",
    ],
)
def test_look_alikes_are_not_emergencies(text):
    result = decide(text, "sicherheitsdienst-nord" if "alarm" in text else None)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    ["wir brauchen für samstag zwei wachleute für unser firmenfest",
     "we need two security guards for our company party on saturday"],
)
def test_a_guard_booking_for_a_date_is_an_order(text):
    # issue 11, twenty-first set: guards are a catalogue service (on-site guarding, event security), ordered
    result = decide(text, "sicherheitsdienst-nord")
    assert (result.urgency, result.intent) == ("P3", "place_order"), (text, result.intent, result.evidence)


@pytest.mark.parametrize(
    "text",
    ["schädel hirn trauma", "hüft gelenks bruch", "schlag anfahl", "her hip is brocken", "he has a concussion",
     "kreislauf zusammenbruch"],
)
def test_misheard_injury_and_illness_compounds_are_p0(text):
    # Whisper over 8 kHz splits and mishears compounds; a fracture or a stroke stays an emergency
    result = decide(text)
    assert result.urgency == "P0", (text, result.urgency, result.evidence)


@pytest.mark.parametrize("text", ["wie ist das mit dem verletzungsrisiko", "what about the accident report"])
def test_injury_words_are_never_no_action(text):
    from triage.brain.classify import classify

    d = classify(text, prediction=_prediction("P4", 0.9))
    assert d.urgency != "P4", d.evidence


@pytest.mark.parametrize(
    ("text", "client"),
    [
        # everyday mishaps and figures of speech that only sound like a fire or a heart attack
        ("mir ist die pizza angebrannt", None),
        ("i burnt the toast", None),
        ("mein auto brennt öl", None),
        ("my old van is burning oil", None),
        ("mein herz ist gebrochen", None),
        ("my heart is broken", None),
        ("das feuer im kamin geht ständig aus", None),
        ("the wood burner keeps going out", None),
        # the security client's own words for a break-in, in work on the alarm system
        ("the burglar alarm needs a battery", "sicherheitsdienst-nord"),
        ("die alarmanlage braucht eine neue batterie", "sicherheitsdienst-nord"),
        ("i'd like advice on burglary protection", "sicherheitsdienst-nord"),
        ("wir möchten eine beratung zum einbruchschutz", "sicherheitsdienst-nord"),
        # a thing that fell or came down, nobody under it
        ("die regenrinne ist im sturm runtergekommen und liegt jetzt in der einfahrt", None),
        ("the mirror fell off the wall and there's glass all over the bathroom floor", None),
        ("a big branch came down on the car in the drive", None),
        ("im bad ist das regal mit den handtüchern abgebrochen", None),
    ],
)
def test_mishaps_and_alarm_work_are_routine_and_calm(text, client):
    result = decide(text, client)
    assert result.urgency not in ("P0", "P1") and not result.urgency_unsure, (text, result.urgency, result.evidence)
    assert result.distress != "acute", (text, result.evidence)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("haha ja also ich bräuchte einen termin für die wartung", "appointment"),
        ("haha yes so i'd like to book a boiler service", "appointment"),
        ("der chef dreht durch haha aber im ernst wir brauchen zwei neue laptops", "place_order"),
        ("my boss will go mad haha but seriously we need two new laptops", "place_order"),
    ],
)
def test_laughing_in_a_real_request_is_no_prank(text, intent):
    result = decide(text)
    assert (result.urgency, result.intent) == ("P3", intent), (text, result.urgency, result.intent, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "wir haben letzte woche die neue therme bekommen und jetzt riecht es überall nach gas",
        "you fitted our boiler last month and now the whole house smells of gas",
        "ich wollte eigentlich nur medikamente bestellen aber ich weiß nicht ob ich das wochenende noch überlebe",
        "i only rang to order my tablets but honestly i don't want to go on",
    ],
)
def test_a_danger_now_after_the_past_or_a_routine_request_is_p0(text):
    # the past phrase belongs to the work done, the danger is now; a life at risk outweighs an order
    result = decide(text)
    assert (result.urgency, result.distress) == ("P0", "acute") or (result.urgency == "P0" and "gas" in text), (
        text, result.urgency, result.distress, result.evidence,
    )


@pytest.mark.parametrize(
    "text",
    [
        "a tile fell off the roof and hit my husband on the head, he's not answering me",
        "ein ast ist meinem sohn auf den kopf gefallen und er sagt nichts mehr",
    ],
)
def test_a_thing_that_fell_on_someone_stays_an_emergency(text):
    result = decide(text)
    assert result.urgency == "P0", (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "oh my god the water is everywhere and i don't know what to do",
        "the cellar is flooded the socket is sparking and my son is standing in the water",
        "im keller funkt die steckdose und die kinder stehen im wasser",
    ],
)
def test_panic_and_people_in_live_water_are_acute(text):
    result = decide(text)
    assert result.distress == "acute", (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("the door sensor in the office keeps beeping, probably needs a new battery", "sicherheitsdienst-nord"),
        ("my landlord is threatening to sue us over the rent", "kanzlei-berg"),
        ("der vermieter droht uns zu verklagen wegen der nebenkosten", "kanzlei-berg"),
    ],
)
def test_alarm_batteries_and_threats_of_the_law_are_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "client", "urgency"),
    [
        # when the trouble began is no resolution: CO signs since the heating is back on
        ("we've all been dizzy and queasy ever since the boiler was switched back on", None, "P0"),
        ("seit die gastherme wieder läuft haben wir alle kopfschmerzen und uns ist übel", None, "P0"),
        # a burst pipe named with words between, an emergency pen for allergies
        ("the main pipe under the kitchen floor has burst and it's pouring out", "sanitaer-notdienst", "P1"),
        ("der adrenalin pen von meinem sohn ist leer und er ist allergisch gegen wespen", "apotheke-am-markt", "P1"),
    ],
)
def test_fourteenth_set_causes_pipes_and_pens(text, client, urgency):
    result = decide(text, client)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # the caller's own errand, which the encoder puts next to short self-harm statements
        "ich komme morgen vorbei und hole die Tabletten ab",
        "ich bin gleich da",
        "ich bringe das morgen vorbei",
        "ich hole es ab",
        "I'll pick it up",
        "i will come by tomorrow and collect the tablets",
        "we'll be there in ten minutes",
    ],
)
def test_a_callers_errand_is_no_emergency_and_no_distress(text):
    result = decide(text, "apotheke-am-markt" if "tablet" in text.lower() else None)
    assert result.urgency not in ("P0", "P1") and not result.urgency_unsure, (text, result.urgency, result.evidence)
    assert result.distress == "none", (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ich komme nicht mehr hoch, ich bin im bad gestürzt",
        "i took all my pills, i'll be gone by tomorrow",
        "come by quickly, my husband collapsed and isn't breathing",
    ],
)
def test_an_emergency_beside_an_errands_words_stays_one(text):
    result = decide(text)
    assert (result.urgency, result.distress) == ("P0", "acute"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    ["ich gehe jetzt schlafen", "mein sohn kommt vorbei", "i'm going to bed now", "my son is coming over",
     "ich will das nicht mehr", "i don't want that anymore"],
)  # fmt: skip
def test_a_short_ordinary_sentence_is_never_an_emergency_on_the_models_word(text):
    """Short first-person sentences sit next to short self-harm statements in the encoder: the model alone
    may make the caller be asked, never a 112 sentence or a handoff."""
    result = decide(text)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)
    assert result.distress != "acute" or result.urgency_unsure, (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [("ich kann nicht mehr", "P0"), ("i can't go on", "P0"), ("ich kann nicht mehr warten", None),
     ("ich kann nicht mehr länger warten, wann kommt endlich jemand", None), ("i can't wait any longer", None),
     ("i can't wait any longer, i want to end it all", "P0"),
     ("ich kann nicht mehr warten, ich will nicht mehr leben", "P0")],
)  # fmt: skip
def test_despair_in_a_short_turn_is_heard_impatience_is_not_despair(text, urgency):
    result = decide(text)
    if urgency:
        assert (result.urgency, result.distress) == (urgency, "acute"), (text, result.urgency, result.evidence)
    else:
        assert result.distress != "acute" and result.urgency not in ("P0", "P1"), (text, result.distress)


# issue 11, the fifteenth and sixteenth development sets' families (new sentences, none copied from the sets). Each
# P0 case must be decided by the named rule, not by the model alone, so the test fails without the rule.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a structure coming down or about to, with people in or under it
        ("das garagendach bricht gleich ein und mein vater ist noch drin", "collapse"),
        ("the ceiling above the kids room is caving in", "collapse"),
        ("die decke im flur hängt durch und knackt die ganze zeit", "collapse"),
        ("the floor of the old barn is about to give way and there's people on it", "collapse"),
        # weapons in the plural; an intruder who broke in and is inside now
        ("drei männer mit messern stehen bei uns im hof", "violence"),
        ("two lads with knives are outside the pharmacy shouting at people", "violence"),
        ("jemand hat die tür aufgebrochen und ist jetzt im haus", "violence"),
        ("someone smashed the back door and is now in the house", "violence"),
        # water running to where the electrics are
        ("das wasser läuft in den keller wo unser strom ist", "electric_hazard"),
        ("the flood water is coming into the basement where the power is", "electric_hazard"),
        # an overdose on purpose, pills saved up, a farewell said as "not there any more at all"
        ("ich hab absichtlich meine ganzen schmerzmittel geschluckt", "self_harm"),
        ("i swallowed my aspirin on purpose", "self_harm"),
        ("ich hab wochenlang schlaftabletten gesammelt und heute reicht es", "self_harm"),
        ("i've been hoarding my meds for months and now i've got enough", "self_harm"),
        ("sagen sie den termin ab ich werde dann nicht mehr da sein überhaupt nicht mehr", "self_harm"),
        ("cancel my check up please i won't be around at all by then", "self_harm"),
        # a hand on the chest, grey and sweating
        ("mein vater hält sich die brust und ist ganz grau", "medical"),
        ("he's grabbing his chest and he's all clammy", "medical"),
        # "not getting up" is the symptom, not a denial
        ("the stairs gave way under my mum and she's not getting up", "medical"),
        # a past matter set aside before the emergency
        ("we had the boiler serviced last week but that's not why i'm calling my wife's clutching her chest",
         "medical"),
        ("letzte woche war ihr monteur da aber ich ruf gar nicht deswegen an mein mann hält sich die brust", "medical"),
        # a child who drank a whole bottle of medicine
        ("meine tochter hat die ganze flasche hustensaft getrunken", "medical"),
        ("my grandson drank a whole bottle of calpol", "medical"),
        # the sixteenth set's families
        # gas at someone's who does not answer, or fell asleep by the open gas: a life at risk
        ("bei meinem opa stinkt es im flur nach gas und er macht nicht auf", "gas_symptoms"),
        ("it smells of gas at my nan's and she isn't answering the door", "gas_symptoms"),
        ("der gashahn war aufgedreht und meine oma ist eingeschlafen", "gas_symptoms"),
        ("my dad left the gas on and he won't wake up", "gas_symptoms"),
        # gas as the whole turn, and gas said in little German or English
        ("gaß", "gas_smell"),
        ("gas please", "gas_smell"),
        ("ich nicht gut deutsch gas riechen im keller", "gas_smell"),
        ("sorry my english not good, gas smell in the flat", "gas_smell"),
        # a separable verb split apart
        ("der co warner geht seit heute früh dauernd los", "carbon_monoxide"),
        # a stroke as a relative describes it; a fall with no way up; pale and not answering
        ("mein mann kann das bein nicht mehr bewegen und redet so wirr", "medical"),
        ("my nan can't lift her arm and her speech is all over the place", "medical"),
        ("bin im garten hingefallen und komm nicht mehr hoch", "medical"),
        ("mein opa ist kreidebleich und antwortet kaum noch", "medical"),
        ("my grandad is grey and he isn't answering me properly", "medical"),
        # a farewell as a decision to go for good
        ("den zahnarzttermin können sie streichen ich hab entschieden dass ich gehe für immer", "self_harm"),
        ("cancel my dentist, i've decided i'm leaving for good", "self_harm"),
        # what ended is not what follows "aber" / "but"
        ("die heizung ist jetzt wieder gut aber im heizungsraum kommt dicker qualm aus dem kessel", "fire"),
        ("the boiler is working again but there's black smoke pouring out of the cellar", "fire"),
    ],
)
def test_blind_sets_p0_families_are_decided_by_rule(text, rule):
    result = decide(text)
    assert result.urgency == "P0" and result.by_rule, (text, result.urgency, result.evidence)
    assert any(e.startswith(f"rule {rule}:") and "(" not in e.split(":", 1)[1] for e in result.evidence), (
        text, result.evidence)


@pytest.mark.parametrize(
    ("text", "client", "urgency"),
    [
        # a leak that now runs out in earnest is active flooding
        ("die leitung unter der spüle ist undicht und jetzt läuft es richtig raus", "sanitaer-notdienst", "P1"),
        ("the pipe under the sink is leaking and it's pouring out now", "sanitaer-notdienst", "P1"),
        # no heating while it is mild outside is no emergency of the cold
        ("die heizung ist komplett ausgefallen aber draußen ist es ja mild", "sanitaer-notdienst", "P3"),
        ("the heating's gone off but it's mild outside", "sanitaer-notdienst", "P3"),
        # the water cannot be shut off and keeps running: active flooding
        ("das eckventil lässt sich nicht zudrehen und das wasser schießt raus", "sanitaer-notdienst", "P1"),
        ("the isolation valve won't shut off and the water keeps coming out", "sanitaer-notdienst", "P1"),
        # an outage that is over is routine
        ("the server was down for an hour this morning, it's back now", "it-service-hansa", "P3"),
        # a break-in found with nobody left inside is the security company's P1, not violence now
        ("we got back and the door had been forced, but nobody's still in there", "sicherheitsdienst-nord", "P1"),
        ("they broke in over the weekend and no one's still here, the place is a mess", "sicherheitsdienst-nord", "P1"),
        # a leak stopped at the valve is P2 in German too
        ("unter dem waschbecken hat es geleckt, ich hab das eckventil zugedreht", "sanitaer-notdienst", "P2"),
    ],
)
def test_blind_sets_leaks_heating_outages_and_break_ins_found(text, client, urgency):
    result = decide(text, client)
    assert result.urgency == urgency and result.by_rule, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # a danger word said twice is panic
        "gaas gaas es riecht so nach gaas im flur",
        "gass gass it smells of gass in the kitchen",
        # someone still in the water round the electrics
        "der sicherungskasten ist nass und mein sohn steht im wasser",
        "the sockets are under water and my dad's down there",
        # ... or children in the room where water runs into the electrics
        "es tropft wasser in die steckdose und die kinder spielen im zimmer",
        "water is dripping onto the plug socket and the children are in the room",
    ],
)
def test_fifteenth_set_panic_and_people_in_water_are_acute_by_rule(text):
    result = decide(text)
    assert result.urgency == "P0" and result.distress == "acute", (text, result.distress, result.evidence)
    assert result.acute_by_rule, (text, result.evidence)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("i won't be around anymore after friday, i'm moving to leeds", None),
        ("ich werde nicht mehr da sein, nie mehr, ich ziehe nach spanien", None),
        ("was kostet ein angebot für das garagendach, das bricht irgendwann ein", "sanitaer-notdienst"),
        ("i'm saving up for new tablets for the kids, the old ones are broken", "it-service-hansa"),
    ],
)
def test_fifteenth_set_look_alikes_are_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ich bin gleich weg, schreiben sie mir eine mail",
        "ich bin dann mal weg, rufen sie mich später auf dem handy an",
        "i'm heading out now, just text me",
        "i'm off out now, ring my mobile later",
    ],
)
def test_leaving_with_a_way_to_be_reached_is_an_errand(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1") and not result.urgency_unsure, (text, result.urgency, result.evidence)
    assert result.distress == "none", (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        # busy, not burning
        ("hier brennt gerade die luft so viel zu tun dass ich vergessen hab was ich wollte", None),
        ("we're burning up here so busy today i don't even know what i rang for", None),
        # one slow drain while the rest works
        ("das waschbecken im bad läuft ganz schlecht ab die küche und die dusche gehen aber", "sanitaer-notdienst"),
        ("the basin in the bathroom drains really badly the kitchen and shower work though", "sanitaer-notdienst"),
        # a finished bottle of medicine, reordered
        ("meine tochter hat ihren hustensaft aufgebraucht kann ich eine neue flasche bestellen", "apotheke-am-markt"),
        ("my daughter finished her cough syrup can i order another bottle", "apotheke-am-markt"),
    ],
)
def test_busy_days_one_slow_drain_and_reorders_are_no_emergency(text, client):
    result = decide(text, client)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ich hab entschieden dass ich gehe für immer nach spanien zu meiner tochter",
        "i've decided i'm leaving for good, moving back home to ireland",
        "ich spreche nicht so gut deutsch ich brauche einen termin für die heizung",
        "my english is not so good, i need appointment for boiler service",
    ],
)
def test_sixteenth_set_look_alikes_are_no_self_harm_and_no_emergency(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)
    assert not any(e.startswith("rule self_harm:") for e in result.evidence), (text, result.evidence)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # one side of the body numb or lame, in the caller's words; a heart attack as the recogniser hears it
        ("mir ist auf einmal die rechte seite ganz taub und ich kann kaum stehen", "medical"),
        ("my right side has gone completely numb and i feel really odd", "medical"),
        ("ich glaube meine mutter hat einen herz infarkt", "medical"),
        ("i think my husband's having a hard attack he's grey", "medical"),
        # violence in fragments: choking someone, someone trying the door, screaming then a crash then silence
        ("er hat ihr die hände um den hals. jetzt liegt sie da", "violence"),
        ("he choked my sister. she's not moving", "violence"),
        ("da rüttelt einer an unserer balkontür, wir sind oben", "violence"),
        ("a man's been rattling the back door for five minutes and we're upstairs", "violence"),
        ("ein vermummter typ schleicht ums haus und versucht das kellerfenster", "violence"),
        ("there's a bloke in a balaclava climbing over the side gate", "violence"),
        ("oben hat ein mann gebrüllt, dann hat es laut geknallt und jetzt ist es totenstill", "violence"),
        ("the couple upstairs were yelling, then a huge thud, now it's dead silent", "violence"),
        # self-harm said indirectly: a voice one last time, tablets gathered, cutting again
        ("ich wollte nur ein letztes mal eine freundliche stimme hören, mehr nicht", "self_harm"),
        ("i only rang to hear a friendly voice one last time, that's all", "self_harm"),
        ("ich weiß nicht ob ich morgen noch hier bin, die schlaftabletten liegen neben mir", "self_harm"),
        ("i don't know if i'll still be around tomorrow, the tablets are on the bedside table", "self_harm"),
        ("ich hab alle meine tabletten zusammengesucht und auf den tisch gelegt", "self_harm"),
        ("i've counted out all of my sleeping tablets on the table", "self_harm"),
        ("ich hab mich wieder geritzt und es blutet", "self_harm"),
        ("i've been cutting again and there's blood on the floor", "self_harm"),
        ("ich wollte nur ein letztes mal anrufen, die katze ist schon bei meiner tochter", "self_harm"),
        ("i'm ringing one last time, i've sorted everything and the cat's going to my neighbour", "self_harm"),
        # mishearings: the CO alarm spelled as heard with symptoms, fire and a room
        ("der ce o warner piept und mir ist schwindelig", "co_symptoms"),
        ("the sea o detector keeps going and the kids feel sick", "co_symptoms"),
        ("fire! garage!", "fire_burning"),
    ],
)
def test_seventeenth_set_acute_distress_said_in_new_ways_is_decided_by_rule(text, rule):
    result = decide(text)
    why = (text, result.urgency, result.distress, result.evidence)
    assert result.urgency == "P0" and result.distress == "acute", why
    assert any(e.startswith(f"rule {rule}:") for e in result.evidence), why


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # the recogniser's "rigt" for "riecht" before gas
        ("bei uns im flur riegt es stark nach gas", "gas_smell"),
        ("es rigt im keller so nach gaß", "gas_smell"),
        # an offer to the business, and a caller who rang the wrong place, are no business
        ("wir würden ihnen gern ein kostenloses beratungsgespräch zu photovoltaik anbieten", "sales_spam"),
        ("we'd love to offer you a free no obligation energy survey this week", "sales_spam"),
        ("ach so, sie sind gar nicht die hausverwaltung, entschuldigung", "wrong_number"),
        ("oh sorry you're not the dentist, my mistake", "wrong_number"),
    ],
)
def test_seventeenth_set_misheard_gas_and_noise_are_decided_by_rule(text, rule):
    result = decide(text)
    assert any(e.startswith(f"rule {rule}:") for e in result.evidence), (text, result.urgency, result.evidence)
    assert result.urgency == ("P0" if rule == "gas_smell" else "P4"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "der wind rüttelt an den fenstern, können sie die dichtungen erneuern",
        "the neighbours scream and bang about every weekend and it only goes quiet at two, i need legal advice",
        "ich weiß nicht ob ich donnerstag noch da bin, die tabletten hole ich dann freitag ab",
        "i don't know if i'll still be here thursday, can you deliver the tablets instead",
        "i've counted out all the tablets for the week into the dosette box",
        "ich hab alle tabletten zusammengesucht die abgelaufen sind, kann ich die bei ihnen abgeben",
        "i just wanted to say thank you one last time before you retire",
        "the courier was trying the back door, can you redeliver the parcel",
        "es riecht nicht nach gas, ich wollte nur einen wartungstermin",
        # "kein Wasser, nichts" lists what is not wrong; it is neither a supply cut nor water on the light
        "die lampe im flur flackert ab und zu, kein wasser, nichts, nur das flackern",
        "the hall light flickers now and then, no water, nothing, just the flicker",
        # a small cut for plasters
        "mein sohn hat sich etwas in den finger geschnitten, haben sie pflaster zum liefern",
    ],
)
def test_seventeenth_set_look_alikes_are_no_emergency(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)
    fired = [e for e in result.evidence if e.startswith(("rule self_harm:", "rule violence:"))]
    assert not fired, (text, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ich wollte mich ein letztes mal bedanken, sie waren immer so freundlich",
        "i wanted to say thank you one last time, you've always been so kind",
    ],
)
def test_one_last_time_is_not_the_past(text):
    """A farewell's "ein letztes Mal" / "one last time" is not "letztes Mal" / "last time": nothing makes it routine."""
    result = decide(text)
    past = [e for e in result.evidence if e.startswith("about the past") or "in the past" in e]
    assert not past, (text, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # the security company's motion detectors going off again and again are its alarm (verb first in German)
        ("am lager schlägt der bewegungsmelder ständig an und das rolltor steht halb offen", "P1"),
        ("die bewegungsmelder an der halle gehen die ganze zeit an und keiner ist da", "P1"),
        ("the motion sensors at the yard you monitor keep going off and the side gate is open", "P1"),
        ("the motion detector in the office has been going off all night, nobody's supposed to be there", "P1"),
        # ... not a sensor to be adjusted
        ("können sie den bewegungsmelder am eingang neu einstellen, der ist zu empfindlich", "P3"),
        ("can you adjust the motion sensor at the entrance, it's too sensitive", "P3"),
    ],
)
def test_seventeenth_pass_motion_detectors_going_off_are_the_security_alarm(text, urgency):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == urgency, (text, result.urgency, result.evidence)
    if urgency == "P1":
        assert any(e.startswith("rule sicherheitsdienst-nord:alarm:") for e in result.evidence), (text, result.evidence)


@pytest.mark.parametrize("text", ["hmm qwe", "uh qwe", "äh xq", "ähm sdf"])
def test_a_filler_and_a_scrap_is_nothing_to_act_on(text):
    result = decide(text)
    assert (result.urgency, result.intent, result.distress) == ("P4", "other", "none"), (text, result.evidence)


@pytest.mark.parametrize("text", ["äh gas", "ähm gaß bitte", "uh gas", "um gas please"])
def test_gas_after_a_filler_is_still_the_whole_turn(text):
    result = decide(text)
    by_rule = any(e.startswith("rule gas_smell:") for e in result.evidence)
    assert result.urgency == "P0" and by_rule, (text, result.evidence)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a word of now inside the hazard's own clause, after a routine past opening (German puts it there)
        ("die rechnung vom letzten monat stimmt nicht und ausserdem riecht es seit heute morgen im keller nach gas",
         "gas_smell"),
        ("the invoice from last month is wrong and the gas boiler is now leaking", "gas_smell"),
        # someone found lying bleeding; someone lying there who says nothing any more (a child's words)
        ("mein kollege vom nachtdienst liegt blutend am tor", "medical"),
        ("ich bin 8 und papa liegt im bad und sagt nix mehr", "medical"),
        ("im 8 and daddy is lying on the bathroom floor and he won't say anything", "medical"),
        # gone for good as a farewell
        ("die unterlagen sind für meine kinder ich brauch die nicht mehr ich bin dann für immer weg", "self_harm"),
        ("the papers are on the table for my kids i won't need them i'll be gone for good", "self_harm"),
    ],
)
def test_eighteenth_set_hazards_said_in_new_ways_are_decided_by_rule(text, rule):
    result = decide(text)
    why = (text, result.urgency, result.distress, result.evidence)
    assert result.urgency == "P0", why
    assert any(e.startswith(f"rule {rule}:") and "in the past" not in e for e in result.evidence), why


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("mein sohn wurde festgenommen ich wein die ganze zeit", "kanzlei-berg"),
        ("das rohr ist geplatzt und ich wein nur noch", "sanitaer-notdienst"),
        ("the pipe in the cellar burst and i'm about to cry", "sanitaer-notdienst"),
        ("my son's been arrested and i'm on the verge of tears", "kanzlei-berg"),
    ],
)
def test_eighteenth_set_crying_said_short_is_acute_distress(text, client):
    result = decide(text, client)
    assert result.distress == "acute" and result.acute_by_rule, (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # a farewell's words in a move
        "wir ziehen nach portugal, ich bin dann für immer weg",
        "i'll be gone for good after friday, i'm moving to canada",
        # violence long ago, said with "früher mal" / "used to"
        "ich brauch einen termin wegen der scheidung, mein mann hat mich früher mal geschlagen, wir leben getrennt",
        "i need an appointment about the divorce, my husband used to hit me, we live apart now",
        # slow on foot and a delivery: nothing in it is a farewell
        "ich bin nicht mehr so gut zu fuss, können sie mir die tabletten nach hause bringen",
        "i'm not so steady on my feet anymore, could you bring the tablets round to my house",
        # an everyday pain as an idiom
        "ich sterbe vor kopfschmerzen, haben sie was stärkeres als paracetamol",
        "my head is killing me, have you got anything stronger than paracetamol",
        # lying to someone is no one lying on the floor; a letter lies on the table
        "he's lying to me and won't say anything about the money, can mr berg call me",
        "der brief liegt auf dem tisch und der vermieter sagt nix mehr dazu",
    ],
)
def test_eighteenth_set_look_alikes_are_no_emergency_and_no_acute_distress(text):
    result = decide(text)
    why = (text, result.urgency, result.distress, result.evidence)
    assert result.urgency not in ("P0", "P1"), why
    assert result.distress != "acute", why


@pytest.mark.parametrize(
    "text",
    [
        "kein heisses wasser in der ganzen wohnung seit heute frueh",
        "no warm water anywhere in the flat since this morning",
    ],
)
def test_eighteenth_set_no_hot_water_is_p2_whatever_the_model_says(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P2", (text, result.urgency, result.evidence)
    assert any(e.startswith("rule no_hot_water:") for e in result.evidence), (text, result.evidence)


@pytest.mark.parametrize(
    "text",
    ["hahaha brennt bei euch die hütte oder was, war nur spaß", "hahaha is your place on fire or what, just kidding"],
)
def test_eighteenth_set_a_prank_about_fire_is_no_distress(text):
    result = decide(text)
    assert (result.urgency, result.distress) == ("P4", "none"), (text, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # the fire service named, not a fire
        "what's the number for the fire department",
        "can you give me the number of the local fire service",
        # locked out, for a locksmith
        "i locked myself out of my house",
        "ich hab mich ausgesperrt, haben sie einen schlüsseldienst",
        # a detector's low-battery chirp
        "my carbon monoxide detector is chirping what does that mean",
        "the smoke detector in the hall chirps every few minutes, is it the battery",
        # the caller says it is no emergency
        "what's the police non emergency number",
    ],
)
def test_tenth_pass_services_lockouts_and_chirps_are_no_emergency(text):
    result = decide(text)
    why = (text, result.urgency, result.distress, result.evidence)
    assert result.urgency not in ("P0", "P1") and result.distress != "acute", why


@pytest.mark.parametrize(
    "text",
    [
        "there's a fire in the kitchen call the fire department",
        "i locked myself out and my baby is inside",
        "the co alarm is chirping and my kids are really sleepy",
    ],
)
def test_tenth_pass_a_danger_beside_those_words_is_still_an_emergency(text):
    result = decide(text)
    assert result.urgency == "P0", (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "this is the site manager at the depot, your control room called me about the alarm, can someone go",
        "die leitstelle hat mich grad wegen dem alarm am lager angerufen, kann jemand hinfahren",
    ],
)
def test_tenth_pass_the_control_room_calling_about_the_alarm_is_the_security_alarm(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency == "P1", (text, result.urgency, result.evidence)
    assert any(e.startswith("rule sicherheitsdienst-nord:alarm:") for e in result.evidence), (text, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ihre leitstelle hat mich wegen dem alarmvertrag angerufen, wann passt ein termin",
        "your control room called me about the alarm contract renewal, can you send the papers",
    ],
)
def test_tenth_pass_the_control_room_calling_about_a_contract_is_routine(text):
    result = decide(text, "sicherheitsdienst-nord")
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a catalogue item the caller needs is an order, whatever report the model guesses
        ("I need a shower hose, the two metre one", "place_order"),
        ("ich brauche einen duschschlauch, zwei meter", "place_order"),
        # ... a fault a rule names stays a report
        ("i need a plumber, the kitchen tap keeps dripping", "report_problem"),
    ],
)
def test_tenth_pass_a_needed_catalogue_item_is_an_order(text, intent):
    result = decide(text, "sanitaer-notdienst")
    assert result.intent == intent, (text, result.intent, result.order, result.evidence)


# --- issue 11, nineteenth set: distress never missed, explicit hazards always P0, ordinary sentences never emergencies


@pytest.mark.parametrize(
    "text",
    ["kann nicht atmen", "ich riech gas", "the cellar's burning", "fire get someone here", "FIRE get someone here"],
)
def test_nineteenth_set_a_hazard_said_in_a_few_words_is_p0_by_rule(text):
    result = decide(text)
    assert result.urgency == "P0" and result.distress != "none", (text, result.urgency, result.evidence)
    assert any(e.startswith("rule ") for e in result.evidence), (text, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("the pan's on fire and i can't put it out", "P0"),
        ("i'm trying to put it out but the pan's on fire", "P0"),
        ("die pfanne brennt und ich krieg sie nicht gelöscht", "P0"),
        # ... and one that is out is over
        ("the fire's out now, the pan was on fire", "P3"),
        ("das feuer ist gelöscht, die pfanne hatte gebrannt", "P3"),
    ],
)
def test_nineteenth_set_a_fire_the_caller_cannot_put_out_is_burning(text, urgency):
    result = decide(text)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency", "distress"),
    [
        ("bitte helfen sie mir bitte bitte bitte", "P0", "acute"),
        ("please help me please please", "P0", "acute"),
        ("hilfe bitte hilfe", "P0", "acute"),
    ],
)
def test_nineteenth_set_a_plea_said_over_and_over_is_acute(text, urgency, distress):
    result = decide(text)
    assert (result.urgency, result.distress) == (urgency, distress), (text, result.evidence)


def test_nineteenth_set_one_plea_is_asked_about_not_sent_to_112():
    result = decide("help me please")
    assert result.urgency not in ("P0", "P1") and result.distress != "acute", result.evidence


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("there's no point anymore you won't have to deal with me after tonight", "P0"),
        ("ihr müsst euch nach heute nacht nicht mehr um mich kümmern", "P0"),
        # leaving a business, a prize: no farewell
        ("you won't have to deal with me anymore, i've found another plumber", "P3"),
        ("sie müssen sich nicht mehr um mich kümmern ich hab jetzt einen anderen anbieter", "P3"),
        ("you've won a prize, press one", "P4"),
    ],
)
def test_nineteenth_set_a_farewell_as_a_relief_for_others_is_self_harm(text, urgency):
    result = decide(text)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)
    if urgency == "P0":
        assert result.distress == "acute" and result.intent == "other", (text, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "wegen dem gasgeruch von gestern, ihr kollege war ja da, alles wieder gut, ich wollt nur danke sagen",
        "about the gas smell yesterday, your engineer sorted it, just wanted to say thanks",
        "früher hat mein vater immer gesagt bei gasgeruch sofort raus stimmt das",
        "what do you do in the event of a gas smell",
    ],
)
def test_nineteenth_set_a_gas_smell_of_yesterday_or_as_a_rule_of_conduct_is_routine(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text", ["seit gestern riecht es nach gas", "bei uns riecht es nach gas", "i've smelled gas since yesterday"]
)
def test_nineteenth_set_a_gas_smell_since_yesterday_is_still_p0(text):
    assert decide(text).urgency == "P0", text


@pytest.mark.parametrize(
    "text",
    [
        "haben sie ein gaslecksuchgerät zum verleihen",
        "do you rent out gas leak detectors",
        "your van is blocking the fire lane could the driver move it please",
        "ihr auto steht in der feuerwehrzufahrt, können sie das wegfahren",
        "ihr auto steht in der feuerwehrzufahrt",
    ],
)
def test_nineteenth_set_a_tool_or_a_place_named_after_a_hazard_is_no_emergency(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("der co melder piept nur einmal die minute kurz und da steht low bat", "P3"),
        ("the co alarm is beeping once a minute, it says low battery", "P3"),
        # an alarm that sounds, or people with symptoms, stay P0
        ("der co melder piept", "P0"),
        ("the co alarm is beeping", "P0"),
        ("der co melder piept und mir ist schwindlig, die batterie ist aber neu", "P0"),
    ],
)
def test_nineteenth_set_a_co_detector_asking_for_a_battery_is_no_alarm(text, urgency):
    result = decide(text)
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("der alte server ist tot den wollen wir entsorgen lassen", "P3"),
        ("the old server is dead we want it disposed of", "P3"),
        ("der server ist tot", "P1"),
        ("the server is dead", "P1"),
    ],
)
def test_nineteenth_set_a_dead_device_to_get_rid_of_is_no_outage(text, urgency):
    result = decide(text, "it-service-hansa")
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ich wollte nur sagen der wasserschaden ist getrocknet der gutachter kommt montag",
        "just letting you know the water damage has dried out the assessor comes monday",
    ],
)
def test_nineteenth_set_water_damage_that_has_dried_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "my mate dared me to ring up and shout fire sorry it's a joke",
        "mein kumpel hat gewettet dass ich hier anrufe und feuer rufe, ist nur ein scherz",
    ],
)
def test_nineteenth_set_a_dare_or_a_joke_about_fire_is_a_prank(text):
    result = decide(text)
    assert (result.urgency, result.distress) == ("P4", "none"), (text, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "die steckdose im bad ist locker, ist nichts nass, wann kann da jemand kommen",
        "the socket in the bathroom is loose, nothing's wet, when can someone come",
    ],
)
def test_nineteenth_set_a_socket_fault_with_wet_denied_is_no_emergency(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    ["die gaskartusche für den campingkocher führen sie sowas", "do you stock gas canisters for camping stoves"],
)
def test_nineteenth_set_asking_whether_the_shop_carries_a_gas_product_is_no_emergency(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


# --- issue 11, twentieth set: an emergency said beside a routine matter, by its signs, or behind an ordinary request


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # an overdose already taken, said before asking for opening hours or an order
        ("ich brauch nur die öffnungszeiten, ich hab vorhin alle meine tabletten auf einmal genommen", "self_harm"),
        ("ich hab zwei packungen paracetamol geschluckt, haben sie noch offen", "self_harm"),
        ("i've swallowed two whole packs of paracetamol, are you still open", "self_harm"),
        # a gas hob hissing with its flame out; British "smelt of gas"
        ("kann ich einen termin machen, die flamme am gasherd ist aus und es zischt trotzdem", "gas_smell"),
        ("can i book a visit, the flame on the gas hob is out and it's still hissing", "gas_smell"),
        ("a question about thursday, and the stairwell has smelt of gas for about an hour", "gas_smell"),
        # water dripping onto a light; a lead or hairdryer lying in the flood
        ("von der decke tropft es direkt auf die lampe im flur", "electric_hazard"),
        ("im bad steht alles unter wasser und der föhn liegt mittendrin", "electric_hazard"),
        ("the ceiling is dripping onto the light in the hall", "electric_hazard"),
        ("the bathroom is flooded and the extension lead is lying right in it", "electric_hazard"),
        # a detector going off, not named as CO, and people drowsy or with headaches
        ("der melder neben der therme schlägt an und meine kinder sind total müde und schlapp", "co_symptoms"),
        ("the alarm next to the boiler is going off and my kids are really drowsy and floppy", "co_symptoms"),
        # chest pains, plural, behind an order
        ("i wanted to order something but i've had pains in my chest for half an hour", "medical"),
        ("ich wollte was bestellen, aber ich hab seit einer halben stunde schmerzen in der brust", "medical"),
    ],
)
def test_twentieth_set_emergencies_beside_routine_matters_are_decided_by_rule(text, rule):
    result = decide(text)
    why = (text, result.urgency, result.evidence)
    assert result.urgency == "P0", why
    assert any(e.startswith(f"rule {rule}:") and "(" not in e for e in result.evidence), why


@pytest.mark.parametrize(
    ("text", "client", "rule"),
    [
        # "no insulin left" says it ran out; it denies nothing
        ("i've got no insulin left for tonight, can i still get some today", "apotheke-am-markt", "vital_medication"),
        ("ich hab kein insulin mehr für heute abend", "apotheke-am-markt", "vital_medication"),
        # a question about the bill, then something happening now
        ("ich wollte nach meiner rechnung fragen und ach ja im keller spritzt gerade wasser aus einem rohr",
         "sanitaer-notdienst", "burst_pipe"),
        ("i wanted to ask about my bill and oh, now there's water pouring through the kitchen ceiling",
         "sanitaer-notdienst", "burst_pipe"),
    ],
)
def test_twentieth_set_p1_beside_a_routine_matter_is_decided_by_rule(text, client, rule):
    result = decide(text, client)
    why = (text, result.urgency, result.evidence)
    assert result.urgency == "P1", why
    assert any(e.startswith(f"rule {rule}:") and "(" not in e for e in result.evidence), why


@pytest.mark.parametrize(
    ("text", "client"),
    [
        # violence long ago, without "mal" / "used to"
        ("mein exmann hat mich früher geschlagen, ich brauche einen termin wegen unterhalt", "kanzlei-berg"),
        ("my ex hit me in the past, i need an appointment about maintenance", "kanzlei-berg"),
        # heartburn: a burning in the chest after meals is no fire
        ("haben sie was gegen sodbrennen, nach dem essen brennt es mir immer so in der brust", "apotheke-am-markt"),
        ("it burns in my chest after eating, have you got something for heartburn", "apotheke-am-markt"),
        # slow on the stairs: an ability that declined, not the end of one's strength
        ("ich kann nicht mehr so gut treppen steigen, können sie mir die tabletten nach hause bringen",
         "apotheke-am-markt"),
        ("i can't manage the stairs any more, could you bring my tablets round", "apotheke-am-markt"),
        # an outage that is over; water damage the insurer settled
        ("our server went down briefly yesterday, it's running again, i'd like to know what caused it",
         "it-service-hansa"),
        ("unser server war gestern kurz weg, läuft aber wieder, woran lag das", "it-service-hansa"),
        ("the invoice for the burst pipe, i need it now for the insurance", "sanitaer-notdienst"),
        ("die rechnung für den rohrbruch brauche ich jetzt für die versicherung", "sanitaer-notdienst"),
    ],
)
def test_twentieth_set_look_alikes_are_no_emergency_and_no_acute_distress(text, client):
    result = decide(text, client)
    why = (text, result.urgency, result.distress, result.evidence)
    assert result.urgency not in ("P0", "P1"), why
    assert result.distress != "acute", why


@pytest.mark.parametrize(
    "text",
    [
        "i wanted to cancel monday's appointment, the water damage has already been sorted by the insurance",
        "ich wollte den termin am montag absagen, der wasserschaden ist schon über die versicherung erledigt",
    ],
)
def test_twentieth_set_settled_water_damage_is_routine(text):
    result = decide(text, "sanitaer-notdienst")
    assert result.urgency == "P3", (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # a gas cooker's igniter sparks when lit; sparks out of a cooker are a hazard
        ("der herd funkt beim anzünden ein bisschen, das ist doch der zünder, tauschen sie den", None),
        ("the cooker sparks a bit when i light it, that's the igniter isn't it, do you replace those", None),
        ("in der küche sprühen funken aus dem herd", "P0"),
        ("there are sparks flying out of the cooker in the kitchen", "P0"),
        # "in the past hour" is now
        ("he has hit me three times in the past hour and he's still here", "P0"),
    ],
)
def test_twentieth_set_sparks_and_the_past_by_rule(text, urgency):
    d = classify(text)
    why = (text, d.urgency, d.evidence)
    if urgency is None:
        assert d.urgency not in ("P0", "P1"), why
    else:
        assert d.urgency == urgency and d.rule_id is not None, why


@pytest.mark.parametrize(
    "text",
    [
        # the person lying there named after the verb, in a room named after a device
        "im heizungskeller liegt unser hausmeister auf dem boden, da riecht es komisch",
        "unser hausmeister liegt im keller auf dem boden",
        "our caretaker is lying on the floor in the hall downstairs",
        "my colleague's lying on the ground by the gate",
    ],
)
def test_twentieth_set_someone_beyond_the_family_lying_on_the_floor_is_decided_by_rule(text):
    result = decide(text)
    why = (text, result.urgency, result.evidence)
    assert result.urgency == "P0", why
    assert any(e.startswith("rule medical:") for e in result.evidence), why


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        # a transcript's note of the line's sound is nothing said
        ("*Rauschen*", "P4"),
        ("hm [knistern]", "P4"),
        ("*static*", "P4"),
        # ... a word among others is a request
        ("i need a static ip address for the new server", "P3"),
    ],
)
def test_twentieth_set_a_note_of_line_noise_is_no_call(text, urgency):
    result = decide(text, "it-service-hansa")
    assert result.urgency == urgency, (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "ich hab alle tabletten zusammengesucht die abgelaufen sind, kann ich die bei ihnen abgeben",
        "i've got a bag of old medicines that are out of date, can i drop them off with you",
    ],
)
def test_twentieth_pass_old_medicines_brought_back_are_no_emergency(text):
    result = decide(text, "apotheke-am-markt")
    why = (text, result.urgency, result.distress, result.evidence)
    assert result.urgency not in ("P0", "P1"), why
    assert result.distress != "acute", why


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a fault and a visit asked for: a report, whose flow takes the number
        ("my kitchen tap is dripping, can someone come round", "report_problem"),
        ("der wasserhahn in der küche tropft, kann jemand vorbeikommen", "report_problem"),
        # ... a time or a booking asked for: an appointment
        ("the kitchen tap is dripping, when could you come out", "appointment"),
        ("der wasserhahn in der küche tropft, wann hätten sie einen termin", "appointment"),
    ],
)
def test_twentieth_pass_a_fault_and_a_visit_is_a_report_a_time_asked_an_appointment(text, intent):
    result = decide(text, "sanitaer-notdienst")
    assert result.intent == intent, (text, result.intent, result.evidence)


# --- a request taken back ("never mind, goodbye") is no emergency, and "never mind" denies nothing that follows


@pytest.mark.parametrize(
    "text",
    ["never mind, goodbye", "forget it, bye", "ach, vergessen Sie's, tschüss", "schon gut, macht nichts, tschüss"],
)
def test_a_request_taken_back_with_a_goodbye_is_no_emergency_and_no_distress(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1") and result.distress == "none", (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text", ["never mind the invoice, there's a fire in the kitchen", "never mind, there's a fire"]
)
def test_never_mind_denies_no_hazard_after_it(text):
    assert decide(text).urgency == "P0", text


# issue 11, twenty-second set: acute distress in the caller's own words, and look-alikes
@pytest.mark.parametrize(
    "text",
    [
        "bitte ich bettle sie an geben sie mir einen menschen",
        "ich bettel sie an verbinden sie mich",
        "i beg you please put me through to a person",
    ],
)
def test_twentysecond_begging_is_acute_distress(text):
    assert decide(text).distress == "acute"


def test_twentysecond_i_beg_your_pardon_is_no_begging():
    assert decide("i beg your pardon could you repeat that").distress == "none"


@pytest.mark.parametrize(
    "text",
    [
        "der nachbar schreit und schlägt gegen meine tür er hat ein messer",
        "er hämmert gegen die tür und hat ein messer dabei",
        "he s hammering against the door with a knife",
    ],
)
def test_twentysecond_a_blow_against_the_door_is_not_a_question_against_a_danger(text):
    assert decide(text, "sicherheitsdienst-nord").urgency == "P0"


def test_twentysecond_what_helps_against_a_burglar_stays_a_question():
    assert decide("was kann man gegen einen einbrecher mit messer tun", "sicherheitsdienst-nord").urgency == "P3"


@pytest.mark.parametrize(
    "text",
    [
        "im film gestern wollte sich die hauptfigur umbringen wie heißt der nochmal",
        "in the film last night the main character wanted to kill himself what was it called",
        "on tv yesterday a guy was threatening to kill himself on a bridge what was that show",
    ],
)
def test_twentysecond_a_character_in_a_story_is_no_one_at_risk(text):
    d = decide(text)
    assert d.urgency not in ("P0", "P1")
    assert d.distress != "acute"


@pytest.mark.parametrize(
    "text",
    [
        "meine tochter hat gesagt sie will sich umbringen und hat sich eingeschlossen",
        "im film grad hab ich gedacht ich will mich umbringen",
        "my daughter said she wants to kill herself and locked herself in",
    ],
)
def test_twentysecond_self_harm_outside_a_story_or_in_the_callers_own_words_stays_p0(text):
    d = decide(text)
    assert (d.urgency, d.distress) == ("P0", "acute")


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("im tatort gestern hat der mörder die frau erwürgt das war echt spannend", "kanzlei-berg"),
        ("im krimi gestern hat einer die ganze familie gefesselt und sie hat so geschrien", None),
        ("in the film yesterday the burglar tied up the whole family and she was screaming so exciting", None),
    ],
)
def test_twentysecond_the_models_fear_in_a_story_is_not_the_callers(text, client):
    assert decide(text, client).distress != "acute"


@pytest.mark.parametrize(
    "text",
    [
        "ich kann so nicht weitermachen ich hab den strick schon hier",
        "ich will so nicht mehr weiterleben das seil hängt schon im keller",
        "i can t go on like this i ve got the rope here",
    ],
)
def test_twentysecond_cannot_go_on_like_this_with_the_means_at_hand_is_self_harm(text):
    d = decide(text)
    assert (d.urgency, d.distress) == ("P0", "acute")


def test_twentysecond_a_broken_awning_cord_is_no_means_of_self_harm():
    d = decide("ich kann so nicht weiterarbeiten der strick von der markise ist gerissen")
    assert d.urgency not in ("P0", "P1")


@pytest.mark.parametrize(
    "text",
    [
        "meine tochter hat angst im dunkeln haben sie so nachtlichter",
        "meine schwiegermutter hat angst vor gewittern gibt es da was pflanzliches zur beruhigung",
        "my mother in law is scared of thunderstorms is there anything herbal to calm her",
    ],
)
def test_twentysecond_an_everyday_fear_of_a_thing_is_no_emergency(text):
    d = decide(text, "apotheke-am-markt")
    assert d.urgency not in ("P0", "P1") and d.distress != "acute", (d.urgency, d.evidence)


@pytest.mark.parametrize(
    "text", ["ich hab solche angst vor ihm er steht vor der tür", "i m so scared of him he s outside the door"]
)
def test_twentysecond_fear_of_a_person_at_the_door_stays_p0_acute(text):
    d = decide(text)
    assert (d.urgency, d.distress) == ("P0", "acute")


@pytest.mark.parametrize(
    "text",
    [
        "das bad ist komplett kaputt und ich hab kein geld mehr ich weiß nicht wie ich das schaffen soll",
        "ich weiß nicht wie ich das bezahlen soll ich hab kein geld mehr und jetzt ist auch noch die heizung kaputt",
        "the bathroom is completely ruined and i ve got no money left i don t know how i m going to manage",
    ],
)
def test_twentysecond_no_money_left_and_no_way_through_is_acute_distress(text):
    assert decide(text, "sanitaer-notdienst").distress == "acute"


@pytest.mark.parametrize(
    "text",
    [
        "ich weiß nicht wie ich das bis freitag schaffen soll können sie früher kommen",
        "i don t know how i m going to pay for this can i pay in instalments",
    ],
)
def test_twentysecond_a_tight_date_or_a_price_is_no_despair(text):
    assert decide(text, "sanitaer-notdienst").distress != "acute"


@pytest.mark.parametrize(
    "text",
    [
        # issue 11, twenty-third set: speech recognition drops the apostrophe ("im", "ive", "cant") ...
        "im shaking so much i can barely hold the phone",
        "im so scared please",
        "ive lost everything the house the kids everything",
        "im terrified he's coming back",
        # ... and German callers drop the final e ("ich zitter")
        "ich zitter so sehr ich kann das telefon kaum halten",
    ],
)
def test_panic_without_an_apostrophe_or_with_a_dropped_e_is_acute_distress(text):
    result = decide(text)
    assert result.distress == "acute", (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # issue 11, twenty-third set: fear of an everyday thing, shaking with rage, desperate for a coffee
        "i'm terrified of needles is the flu jab done by you",
        "i'm scared of the price to be honest can you give me a quote first",
        "i'm shaking with rage your engineer never turned up",
        "i'm desperate for a coffee sorry go on",
        "ich hab so angst vor der spritze macht ihr auch grippeimpfungen",
        "ich hab total angst vor der rechnung können sie mir erst einen kostenvoranschlag machen",
        "ich zittere vor wut der monteur ist nicht gekommen",
    ],
)
def test_fear_of_an_everyday_thing_or_shaking_with_rage_is_no_acute_distress_and_no_emergency(text):
    result = decide(text)
    assert result.distress != "acute" and result.urgency not in ("P0", "P1"), (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        "i'm so scared of him he's still in the house",
        "im so scared of the noises downstairs",
        "i'm shaking with fear he's outside the door",
        "i'm desperate for help my husband collapsed",
        "ich hab solche angst vor ihm er ist noch in der wohnung",
        "ich zittere vor angst er steht vor der tür",
    ],
)
def test_fear_of_a_person_or_of_what_is_happening_stays_acute(text):
    result = decide(text)
    assert result.distress == "acute", (text, result.distress, result.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # issue 11, twenty-third set: a plot retold is no caller in danger
        "in the series she jumps off the bridge at the end",
        "we watched a film last night where he kills his wife it was awful",
        "in der serie springt sie am ende von der brücke",
        "wir haben gestern einen film gesehen wo er seine frau umbringt",
    ],
)
def test_a_story_on_screen_is_no_emergency_and_no_acute_distress(text):
    result = decide(text)
    assert result.urgency not in ("P0", "P1") and result.distress != "acute", (text, result.urgency, result.evidence)


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("i was watching a film and now there's smoke coming from the kitchen", "P0"),
        ("ich hab grad nen film geguckt und jetzt riecht es nach gas", "P0"),
    ],
)
def test_a_hazard_beside_a_film_is_still_an_emergency(text, urgency):
    assert decide(text).urgency == urgency, text


@pytest.mark.parametrize(
    ("text", "acute"),
    [
        # issue 11, twenty-third set: a caller begging the call-taker to stay is in acute distress ...
        ("please don't hang up on me please", True),
        ("please stay on the line with me", True),
        ("lassen sie mich bitte nicht allein", True),
        ("bitte bitte nicht auflegen", True),
        # ... one asking to hold while fetching a number, or annoyed at being cut off, is not
        ("don't hang up i'm just getting my reference number", False),
        ("please don't hang up on me again this is the third time i've been cut off", False),
        ("bitte nicht auflegen ich suche gerade die kundennummer", False),
    ],
)
def test_begging_the_call_taker_to_stay_is_acute_distress(text, acute):
    result = decide(text)
    assert (result.distress == "acute") == acute, (text, result.distress, result.evidence)

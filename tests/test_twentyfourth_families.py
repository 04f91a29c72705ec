"""Issue 11, twenty-fourth set: emergencies told by someone else, by confused, elderly or learner callers, and their
look-alikes.

Each family holds in German and English and comes with its look-alikes. Run through the real analyser (rules + the
shipped classifier), with the client the caller rang.
"""

from __future__ import annotations

import pytest

from tests.caller_families import EMERGENCY, decide, why

# --- learner German and English: the sign without the modal or the participle ----------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Mein Mann, er fallen, Kopf Blut, nicht aufwachen. Bitte schnell.", "sanitaer-notdienst"),
        ("Kollege von Gerüst gefallen, nicht bewegen, bitte Hilfe.", "sanitaer-notdienst"),
        ("meine mutter treppe fallen sie nicht mehr aufwachen", "apotheke-am-markt"),
        ("bitte hilfe mein kind trinken putzmittel aus flasche was machen", "apotheke-am-markt"),
        ("ich bin hingefallen in der badewanne komm nicht raus seit gestern", "sanitaer-notdienst"),
        ("my husband fall, head blood, no wake up, please quick", "sanitaer-notdienst"),
        ("colleague fall from ladder, not move, please help", "it-service-hansa"),
        ("please help my child drink cleaner from bottle what do", "apotheke-am-markt"),
        ("i fell in the bath and can't get out since yesterday", "sanitaer-notdienst"),
    ],
)
def test_learner_words_for_a_medical_emergency_are_p0(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Seien Sie leise, damit das Baby nicht aufwachen tut.", "apotheke-am-markt"),
        ("mein mann kann nicht bewegen das sofa allein wir brauchen hilfe beim umzug", "sanitaer-notdienst"),
        ("ich möchte putzmittel und spülmittel kaufen", "apotheke-am-markt"),
        ("my son is no more move to new flat, can you cancel contract", "sanitaer-notdienst"),
        ("i fell asleep in the bath yesterday ha ha, anyway the shower tray is cracked", "sanitaer-notdienst"),
    ],
)
def test_learner_look_alikes_stay_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- "es geht ihm nicht gut", "not well": the first sign of the emergency, not a denial -------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Meiner Mutter geht es nicht gut, sie liegt im Bad und reagiert nicht.", "apotheke-am-markt"),
        ("es geht ihr nicht gut sie blutet stark", "apotheke-am-markt"),
        ("Mein Opa fühlt sich gar nicht wohl, jetzt liegt er im Flur und antwortet nicht.", "sanitaer-notdienst"),
        ("my dad's not well he collapsed", "apotheke-am-markt"),
        ("my mum isn't feeling well and now she's bleeding heavily", "it-service-hansa"),
    ],
)
def test_feeling_unwell_does_not_deny_the_sign_after_it(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("es ist kein notfall, es blutet nicht stark, ich brauche nur pflaster", "apotheke-am-markt"),
        ("mir geht es nicht gut, ich brauche was gegen Erkältung", "apotheke-am-markt"),
        ("not bleeding much, it's not serious, just need plasters", "apotheke-am-markt"),
        ("i'm not feeling well, can i get something for a cold", "apotheke-am-markt"),
    ],
)
def test_unwell_look_alikes_stay_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- a fire at the neighbour's; a farewell told by someone else; ending it all ---------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Es brennt beim Nachbarn!", "sicherheitsdienst-nord"),
        ("schnell es brennt beim nachbarhaus", "sanitaer-notdienst"),
        ("There's a fire at the neighbours!", "sicherheitsdienst-nord"),
    ],
)
def test_a_fire_at_the_neighbours_is_p0(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Mein Kollege hat allen Tschüss gesagt und meinte, da wo er hingeht, braucht er das alles nicht mehr. Er geht "
         "nicht ans Handy.", "it-service-hansa"),
        ("mein bruder hat seiner familie lebewohl gesagt und geht nicht mehr ans telefon", "kanzlei-berg"),
        ("ich ruf eigentlich nur an um mich zu bedanken sie waren immer nett zu mir ich werd das heute alles beenden",
         "apotheke-am-markt"),
        ("my colleague cleared his desk today and said where he's going he won't need any of it. now he's not "
         "answering his phone.", "it-service-hansa"),
        ("i just wanted to say thank you you were always kind to me i'm going to end it all today",
         "apotheke-am-markt"),
    ],
)
def test_a_farewell_or_ending_it_all_is_self_harm(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("es brennt beim wasserlassen, haben Sie da was", "apotheke-am-markt"),
        ("unser kollege hat allen tschüss gesagt er geht in rente nächste woche ist die feier", "it-service-hansa"),
        ("my colleague is off to spain, where he's going he won't need any of it, so the laptop stays here",
         "it-service-hansa"),
        ("he said goodbye to everyone at his leaving do, can you set up his laptop for the new starter",
         "it-service-hansa"),
    ],
)
def test_farewell_and_burning_look_alikes_stay_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


# --- emergencies told by someone else or in dialect, which the rules now hear ---------------------------------------

@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        # water everywhere, in German as in English
        ("wasser überall rohr kaputt", "sanitaer-notdienst", "P1"),
        ("water everywhere pipe broken", "sanitaer-notdienst", "P1"),
        # heart tablets run out today; an allergy is what she reacts to, not a question "against" it
        ("Ja, hier ist Gerda, ich hab bei Ihnen immer meine Herztabletten, jetzt ist das Döschen leer, und heute Abend "
         "muss ich eine nehmen.", "apotheke-am-markt", "P1"),
        ("Für meine Enkelin, sie ist allergisch gegen Wespen, und ihr Notfallpen ist abgelaufen, wir fahren heute "
         "Nachmittag ins Ferienlager.", "apotheke-am-markt", "P1"),
        ("it's Gerda, I always get my heart tablets from you, the little tub is empty and I have to take one tonight",
         "apotheke-am-markt", "P1"),
        # an alarm at a neighbour's who is away on holiday
        ("die alarmanlage bei meiner nachbarin geht seit zwanzig minuten und die ist im urlaub und die terrassentür "
         "steht offen", "sicherheitsdienst-nord", "P1"),
        ("my neighbour's burglar alarm has been going for twenty minutes, she's on holiday and the patio door is open",
         "sicherheitsdienst-nord", "P1"),
        # nobody gets online any more
        ("ich bin nur die Praktikantin, aber der Server piept so laut, und jetzt geht niemand mehr ins Netz, und die "
         "Kasse geht auch nicht", "it-service-hansa", "P1"),
        ("i'm only the intern but the server is beeping and now nobody can get online and the tills don't work either",
         "it-service-hansa", "P1"),
        # dialect
        ("Griaß Eahna, mei Oida is in da Küch umgfalln und schnauft nimmer richtig.", "sanitaer-notdienst", "P0"),
        ("Bei ins im Gschäft is oana drin, i hör'n im Büro rumoarn, mia san im Lager eigsperrt.",
         "sicherheitsdienst-nord", "P0"),
        ("Grüezi, bi üs im Chäller isch Wasser, s'Rohr isch verplatzt und es lauft und lauft.", "sanitaer-notdienst",
         "P1"),
        ("he's no breathin", "sanitaer-notdienst", "P0"),
        ("she isnae breathing, she's fell ower in the kitchen", "apotheke-am-markt", "P0"),
        ("the pipe's bust and it's pourin and pourin", "sanitaer-notdienst", "P1"),
    ],
)
def test_told_by_someone_else_or_in_dialect(text: str, client: str, expected: str) -> None:
    result = decide(text, client)
    assert result.urgency == expected, why(text, result)


# --- look-alikes: over, asked, on screen, denied, a device -----------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "client"),
    [
        # a denial right before the state ("nicht kaputt") is no heating failure
        ("Hallo, ich brauche Termin, Heizung Wartung, nicht kaputt, nur Kontrolle.", "sanitaer-notdienst"),
        ("die heizung ist nicht kaputt, nur laut", "sanitaer-notdienst"),
        ("hello i need appointment, boiler service, not broken, only check", "sanitaer-notdienst"),
        # the condition's verb after the hazard
        ("Wenn die Polizei bei uns mal eine Durchsuchung machen würde, darf ich Sie dann sofort anrufen?",
         "kanzlei-berg"),
        ("if there was ever a raid on our offices would you come", "kanzlei-berg"),
        # proceedings still running are no arrest now
        ("Mein Bruder wurde vor zwei Jahren verhaftet, das Verfahren läuft noch, ich wollte nur den nächsten "
         "Gerichtstermin wissen.", "kanzlei-berg"),
        ("my brother was arrested two years ago, the case is still ongoing, i just want the next court date",
         "kanzlei-berg"),
        # a cut that has healed; back home from hospital
        ("Meine Tochter hat sich gestern in den Finger geschnitten, das hat geblutet wie verrückt, jetzt ist es "
         "verheilt. Haben Sie diese Wundnahtstreifen?", "apotheke-am-markt"),
        ("my daughter cut her finger yesterday, it bled like mad, it's healed now, do you have wound closure strips",
         "apotheke-am-markt"),
        ("meine mutter ist gestern gestürzt war im krankenhaus ist wieder zu hause die braucht jetzt einen rollator "
         "und schmerztabletten", "apotheke-am-markt"),
        ("my mum fell yesterday, she's home from hospital now and needs a walking frame and painkillers",
         "apotheke-am-markt"),
        # the plot of a crime drama
        ("Gestern im Tatort hat einer seine Frau erschossen, und da hab ich mir gedacht, wir brauchen endlich eine "
         "Alarmanlage. Machen Sie mir ein Angebot?", "sicherheitsdienst-nord"),
        ("in the crime drama last night a man shot his wife, so we finally want an alarm system, can you send a quote",
         "sicherheitsdienst-nord"),
        # the hazard named and denied by what is said of it
        ("Ransomware ist bei uns kein Thema, keine Sorge, ich möchte nur wissen, ob Ihre Backup-Lösung auch für zwei "
         "Rechner geht.", "it-service-hansa"),
        ("ransomware is not an issue for us, don't worry, i just want to know if your backup covers two computers",
         "it-service-hansa"),
        # a device that "drowned"
        ("mein handy ist in der badewanne ertrunken können sie das reparieren", "it-service-hansa"),
        ("my phone drowned in the bath, can you fix it", "it-service-hansa"),
        # dialect look-alikes
        ("mei hund schnauft nimmer so laut seit er operiert is", "sanitaer-notdienst"),
        ("is des rohr platzt oder net, i wollt nur fragen", "sanitaer-notdienst"),
        ("wir sind im urlaub, können sie die alarmanlage nächste woche warten", "sicherheitsdienst-nord"),
        ("wenn bei uns mal ein rohr platzt wen soll ich dann anrufen", "sanitaer-notdienst"),
    ],
)
def test_over_asked_on_screen_or_denied_stays_routine(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency not in EMERGENCY, why(text, result)


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("jemand versucht gerade bei uns einzubrechen die polizei war schon da aber jetzt ist er wieder da",
         "sicherheitsdienst-nord", "P0"),
        ("wir haben einen Film geguckt und jetzt riecht es nach Gas", "sanitaer-notdienst", "P0"),
        ("we were watching a film and now there's smoke coming from the telly", "sanitaer-notdienst", "P0"),
        ("meine mutter ist gestürzt und ist wieder zu hause aber jetzt blutet sie stark am kopf", "apotheke-am-markt",
         "P0"),
        ("ransomware, das ist jetzt bei uns passiert, alles verschlüsselt", "it-service-hansa", "P1"),
        ("die heizung ist komplett ausgefallen und es ist eiskalt", "sanitaer-notdienst", "P1"),
        ("hilfe mein kind ist im teich ertrunken fast er atmet nicht", "sanitaer-notdienst", "P0"),
        # a phrase ending inside a word ("rückstau" in "rückstauklappe") is not denied by "geht nicht" after the word
        ("die rückstauklappe geht nicht und das abwasser drückt im keller hoch", "sanitaer-notdienst", "P1"),
        # only a story named as such tells a plot: "in the play area", "in der Folge" (as a result) are no screen
        ("in the play area a child fell off the climbing frame and isn't breathing", "apotheke-am-markt", "P0"),
        ("Rohrbruch im Keller, in der Folge steht das Wasser an den Steckdosen", "sanitaer-notdienst", "P0"),
        ("water's dripping on the telly, it's sparking", "sanitaer-notdienst", "P0"),
        # healed, but something is happening now
        ("my cut has healed but now my arm is swollen and red and hot", "apotheke-am-markt", "P1"),
        # the police came for an arrest: not over
        ("die polizei war schon da und hat meinen mann festgenommen", "kanzlei-berg", "P1"),
        ("the police have already been and they arrested my son, he's at the station", "kanzlei-berg", "P1"),
    ],
)
def test_the_emergency_beside_those_words_still_is_one(text: str, client: str, expected: str) -> None:
    result = decide(text, client)
    assert result.urgency == expected, why(text, result)


# --- said at length: gas with symptoms several words after the smell; a person on the camera while the alarm goes ---

@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Ach, ich bin ja schon 84, heute früh hab ich den Herd angemacht, und jetzt riecht es so komisch in der "
         "Küche, so nach Gas, und mir ist ein bisschen schwindelig.", "sanitaer-notdienst"),
        ("i'm 84, i put the cooker on this morning and now it smells really funny in the kitchen kind of like gas and "
         "i feel a bit dizzy", "sanitaer-notdienst"),
    ],
)
def test_gas_with_symptoms_said_at_length_is_acute(text: str, client: str) -> None:
    result = decide(text, client)
    assert result.urgency == "P0", why(text, result)
    assert result.distress == "acute", why(text, result)


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("Also, wir hatten mit Ihnen ja das Angebot für die Streife besprochen, aber jetzt gerade geht bei uns im "
         "Lager der Alarm los und auf der Kamera ist ein Mann mit Taschenlampe.", "sicherheitsdienst-nord", "P0"),
        ("we'd talked about the patrol quote, but right now the alarm is going off in the warehouse and on the camera "
         "there's a man with a torch", "sicherheitsdienst-nord", "P0"),
        ("der alarm ging gestern los, auf der kamera sieht man einen mann, die polizei hat ihn schon, ich brauche die "
         "aufnahme für die versicherung", "sicherheitsdienst-nord", "P3"),
        ("the alarm went off last week and on the camera there's a man, i need the footage for the insurance",
         "sicherheitsdienst-nord", "P3"),
        ("können sie die kamera so einstellen dass man sieht wenn der alarm los geht ob da ein mann ist",
         "sicherheitsdienst-nord", "P3"),
    ],
)
def test_a_person_on_camera_while_the_alarm_goes_is_p0(text: str, client: str, expected: str) -> None:
    result = decide(text, client)
    assert result.urgency == expected, why(text, result)


# --- a question about stock for a vital medicine that has run out is an order, not a what-if ------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Können Sie schauen, ob Sie die Herztabletten von meinem Vater da haben, die sind alle und er braucht heute "
         "Abend eine", "P1"),
        ("falls Sie Insulin dahaben, meine Mutter hat keins mehr für heute Abend", "P1"),
        ("meine herztabletten sind alle seit letzter woche und ich brauche heute dringend neue", "P1"),
        ("if you have insulin, my mum's pen is empty and she needs it tonight", "P1"),
        ("could you check whether you have an epipen, hers has expired and we leave this afternoon", "P1"),
        ("what should i do if my insulin runs out on holiday", "P3"),
        ("was mache ich wenn mein insulin mal alle ist im urlaub", "P3"),
    ],
)
def test_asking_for_stock_of_a_vital_medicine_that_ran_out(text: str, expected: str) -> None:
    result = decide(text, "apotheke-am-markt")
    assert result.urgency == expected, why(text, result)

"""Explicit triage rules: the words that decide urgency whatever a learned model thinks.

Life safety must not depend on how well a small model generalises, so every P0 situation of
PRODUCT.md and the global P1/P2 situations are spelled out here as patterns in both languages,
written as a speech recogniser writes (lower case, no punctuation, umlauts in any spelling; see
`text.fold`). Each pack adds its own emergencies on top (`pack_rules`).

Modifiers are rules too: negation ("kein Rohrbruch"), the past ("der Rohrbruch letzte Woche"),
a fault that stopped ("jetzt ist alles trocken") or was contained ("Haupthahn zugedreht").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import Folded, fold, fold_pattern
from .types import Distress, Hazard, Intent, Urgency


@dataclass(frozen=True)
class Rule:
    id: str
    patterns: tuple[str, ...]
    urgency: Urgency | None = None
    intent: Intent | None = None
    distress: Distress | None = None
    hazard: Hazard | None = None
    kind: str = ""  # what modifiers apply: "water", "heating", "fault", ...
    label: tuple[str, str] = ("", "")  # (de, en) reason shown to agents
    negatable: bool = True


@dataclass(frozen=True)
class Hit:
    rule: Rule
    words: str  # the caller's words that matched
    negated: bool
    start: int  # offset in the folded text, for modifiers that look at what came just before


def _r(id_: str, *patterns: str, **kw) -> Rule:
    return Rule(id=id_, patterns=patterns, **kw)


_NEGATORS = frozenset(
    "kein keine keinen keinem keiner keines nicht nichts ohne weder nie niemals net ned nich "
    "no not nothing never without neither nor isn isnt wasn wasnt don dont doesn doesnt didn didnt aren "
    "haven hasn".split()
)
# "ich weiß nicht, ...", "oh no, ...": a negator that negates nothing that follows
_NOT_NEGATING_AFTER = frozenset("weiss ob oh".split())
_NEG_AFTER = re.compile(r"^\s*(\w+\s+)?(nicht|nie|not|never|kein|keine)\b(?! nur| only| mehr auf)")
_NEG_WINDOW_WORDS = 3


# --- P0: danger to people now ------------------------------------------------------------------
P0_RULES: tuple[Rule, ...] = (
    _r(
        "gas_smell",
        r"gasgeruch",
        r"(riecht|stinkt|müffelt)\w* ((?!nicht\b|nie\b|kein\w*\b)\w+ ){0,6}nach gas\b",
        r"nach gas (riecht|stinkt)",
        r"\bgas (riecht|stinkt|tritt aus|strömt aus|leck)",
        r"\bgasleck|\bgasaustritt|gasleitung (ist )?(undicht|kaputt|beschädigt)",
        r"\bsmell\w* (\w+ ){0,2}(of |like )?gas\b(?! station| pedal| bill)",
        r"\bgas (leak|smell)|\brotten eggs?\b|\bfaule\w* eier",
        r"\b(gasherd|gasleitung|gastherme|gasheizung|gasanschluss|gas cooker|gas stove|gas pipe|gas boiler)\w* (\w+ ){0,3}"
        r"(undicht|leckt|zischt|leaking|hissing)",
        r"\bleaking gas|\bgas is leaking|hissing (sound )?from the gas",
        r"\bgasherd\w* (\w+ )?(zischt|riecht)",
        urgency="P0", hazard="gas", intent="report_problem", kind="hazard",
        label=("Gasgeruch", "gas smell"),
    ),
    _r(
        "fire",
        r"\bes brennt\b(?! (beim|im hals|in den augen|auf der haut|wie feuer|beim wasserlassen))",
        r"\bbrennt (es|hier|im|in der|in meiner|in unserer|das haus|die küche|der keller|lichterloh)\b",
        r"(?<!wie )\b(feuer|flammen|brand)\b(?! und flamme)(?!.*\b(bestellen|kaufen|versicherung)\b)",
        r"\b(wohnungs|küchen|keller|zimmer|dachstuhl|kamin|haus|kabel|fett)brand\b",
        r"\b(rauch|qualm)\b(?! ?melder)",
        r"\b(rauchgeruch|brandgeruch)\b|riecht\w* (\w+ )?(verbrannt|verschmort|nach rauch)",
        r"\b(qualmt|kokelt|schmort)\b|\braucht (es|aus|aus der|überall)\b",
        r"(?<!stomach is )(?<!throat is )(?<!skin is )(?<!mouth is )\bon fire\b(?! (deal|price|today|after|with))",
        r"\b(a|the|there s a|there is a|kitchen|house|electrical|chimney|grease) fire\b"
        r"(?! (extinguisher|blanket|alarm test|drill|place|wood|works|pit|department number|hazard|safety|wall))",
        r"\bfire (in|at|on|upstairs|downstairs|spreading|broke out)\b",
        r"\bflames?\b",
        r"\bsmoke (is )?(coming|everywhere|pouring|filling|from)\b",
        r"\b(full of|filled with|lots of|lot of|thick|black) smoke\b",
        r"\bsmell\w* (\w+ ){0,2}(of )?(smoke|burning)\b|\bburning smell\b|\bsomething( s| is)? burning\b",
        r"\b(caught|catch|catching) fire\b",
        r"\b(rauchmelder|brandmelder)\w* (\w+ ){0,2}(geht los|schlägt an|heult|alarm|losgegangen)",
        r"\bsmoke (alarm|detector)\w* (\w+ ){0,2}(going off|went off|is sounding|sounding)",
        urgency="P0", hazard="fire", intent="report_problem", kind="hazard",
        label=("Feuer oder Rauch", "fire or smoke"),
    ),
    _r(
        "carbon_monoxide",
        r"\b(kohlenmonoxid|kohlenmonoxyd|kohlenstoffmonoxid)\b(?! ?(melder|warner))",
        r"\b(co|kohlenmonoxid)[ -]?(melder|warner|alarm)\w* (\w+ ){0,3}(piept|schlägt an|geht los|losgegangen|heult|"
        r"alarm|zeigt|blinkt)",
        r"carbon monoxide(?! (detector|alarm|sensor)s?\b(?!.*\b(going off|went off|beeping|sounding)))|\bco (alarm|detector)\w* (\w+ ){0,2}(going off|went off|beeping|sounding)",
        urgency="P0", hazard="fire", intent="report_problem", kind="hazard",
        label=("CO-Alarm (Kohlenmonoxid)", "carbon monoxide alarm"),
    ),
    _r(
        "electric_hazard",
        r"wasser (\w+ ){0,8}(steckdose|lampe|licht|leuchte|sicherungskasten|elektrik|stromkasten|kabel"
        r"|verteiler|deckenlampe)",
        r"(steckdose|lampe|licht|leuchte|sicherungskasten|elektrik|kabel|deckenlampe)\w* (\w+ ){0,5}"
        r"(wasser|nass|tropft|läuft)",
        r"\bfunken\b|\bstromschlag|\bfunkt\b|\bfunkt es\b|\bschmorgeruch|\bkabel (\w+ )?(schmort|brennt|qualmt)",
        r"water (\w+ ){0,10}(socket|sockets|outlet|outlets|light|lights|lamp|fuse box|wiring|electrics|electrical"
        r"|switch)\b",
        r"(socket|outlet|light|lights|lamp|fuse box|wiring|electrics)\w* (\w+ ){0,5}(wet|water|dripping)",
        r"\bsparks?\b|\bsparking\b|\belectric(al)? shock\b|\bgot (a )?shock\b|\belectrocut",
        urgency="P0", hazard="electric", intent="report_problem", kind="hazard",
        label=("Wasser an Strom / Stromgefahr", "water on electrics / electric hazard"),
    ),
    _r(
        "medical",
        r"\bbewusstlos|\bohnmächtig|\bohnmacht\b|\batmet (nicht|kaum)|(kriegt|bekommt|bekomme|kriege|habe|hat)"
        r" (\w+ )?keine luft|\bkeine luft mehr",
        r"\bherzinfarkt|\bschlaganfall|\bherzstillstand|\breanimation|\bwiederbeleb",
        r"\bblutet\w*|\bblutung|\b(viel|überall|so viel) blut\b|\bplatzwunde|\bkopf (\w+ )?(angeschlagen|aufgeschlagen)|\bverletzt|\bverletzung|\bgebrochen\w* (arm|bein|hüfte)",
        r"\bgestürzt (\w+ ){0,4}(kann nicht|kommt nicht)|\bnotarzt|\bkrankenwagen|\brettungswagen",
        r"\ballergisch\w* schock|\banaphylak|\bkrampfanfall|\bepilepti\w* anfall|\bvergiftung|\bvergiftet",
        r"\bbrustschmerz|\bschmerzen in der brust|\bzusammengebrochen|\bkollabiert",
        r"\btabletten geschluckt|\büberdosis",
        r"\bstromschlag|\bschlag (\w+ )?(von der|an der) (steckdose|leitung)|\breagiert (\w+ )?(kaum|nicht mehr|gar nicht)"
        r"|\b(ist|wird) nicht (mehr )?ansprechbar",
        r"\b(ausgerutscht|hingefallen|gestürzt|gefallen|umgekippt)\b(?!.*\bletzte\w* woche)(.*\b(kann|komme|kommt|können)"
        r" (\w+ )?(nicht|nich) (mehr )?(aufstehen|hoch|bewegen)|.*\b(bewegt sich nicht|blutet))",
        r"\b(kann|komme|kommt) (\w+ )?(nicht|nich) mehr (aufstehen|hoch)\b",
        r"\b(kollege|kollegin|mann|frau|vater|mutter|kind|sohn|tochter|oma|opa|jemand|gast|kunde|kundin|nachbar\w*)"
        r" (\w+ ){0,5}(umgekippt|zusammengesackt|zusammengebrochen)\b",
        r"\b(gestürzt|hingefallen|umgekippt|zusammengesackt|gefallen)\b.*\b(liegt|liege|lag) (\w+ )?(am|auf dem) boden"
        r"|\b(fell|fallen|collapsed|slipped)\b.*\b(lying|is|s|lies) on the (floor|ground)\b",
        r"\belectric(al)? shock|\belectrocuted|\b(barely|not|isn t|is not) (really )?(responding|responsive|conscious)\b"
        r"|\bunresponsive\b|\bbarely conscious\b",
        r"\b(slipped|fell|fallen|tripped)\b.*\b(can ?t|cannot|can not|unable to) (get up|stand up|stand|move)\b",
        r"\bunconscious\b|\bpassed out\b|\bnot breathing\b|\bisn t breathing\b|\bstopped breathing\b|\bcan ?t breathe\b|\bcannot breathe\b"
        r"|\bstruggling to breathe\b|\bhard to breathe\b",
        r"\bheart attack\b|\bstroke\b|\bcardiac\b|\bchest pains?\b|\bcollapsed\b",
        r"\bbleeding\b|\bblood everywhere\b|\b(loads of|lots of|so much|a lot of) blood\b|\bhit (his|her|my|their) head\b|\bhead injury\b|\binjured\b|\bbadly hurt\b|\bbroken (arm|leg|hip)\b",
        r"\bfell (\w+ ){0,3}(can ?t|cannot|isn t|not) (get up|move)\b|\bambulance\b|\bparamedics?\b",
        r"\ballergic (reaction|shock)\b|\banaphyla|\bseizure\b(?! (medication|meds|tablets|pills))|\bpoison(ed|ing)\b|\boverdose",
        urgency="P0", hazard="medical", intent="report_problem", kind="hazard", distress="acute",
        label=("medizinischer Notfall / Verletzung", "medical emergency / injury"),
    ),
    _r(
        "violence",
        r"\beinbrecher (\w+ ){0,3}(noch|im|in der|drin|hier)",
        r"\b(jemand|einer|fremde\w*|mann|männer) (ist |sind )?(\w+ ){0,2}(im haus|in der wohnung|im keller|drin)\b"
        r"(?!.*\b(termin|vorbei|gewesen)\b)",
        r"\bversucht\w* (\w+ ){0,2}einzubrechen|\bbricht gerade ein|\bbrechen gerade ein",
        r"\b(bedroht|bedrohen) (mich|uns|meine\w*|meinen|gerade)|\b(werde|werden|wird) (\w+ )?bedroht"
        r"|\bmit (einem|nem) (messer|waffe|pistole)|\bschlägt (mich|sie|ihn|uns)|\bangegriffen|\bprügel\w* (sich|mich)",
        r"\b(jemand|einer|fremde\w*) (\w+ ){0,2}(in|im) (meiner|unserer|der|dem)? ?(wohnung|haus|keller|küche|flur|schlafzimmer)\b"
        r"(?!.*\b(termin|vorbei|gewesen|ablesen|reparieren)\b)",
        r"\b(is being|being|just got|s being) (attacked|beaten up|beaten|stabbed|mugged|assaulted)\b"
        r"|\bwird (gerade )?(angegriffen|verprügelt|zusammengeschlagen|niedergestochen)",
        r"\b(hilfe|help)\b (\w+ ){0,2}(einbrecher|burglar|intruder)|\b(einbrecher|burglar|intruder)\w* (\w+ ){0,2}(hilfe|help)\b",
        r"\bintruder|\bsomeone (is )?(\w+ ){0,2}(in|inside) (my|our|the) (house|home|flat|apartment)",
        r"\btrying to break in|\bbreaking in (right )?now|\bstill (in|inside) the (house|building)",
        r"\bthreatening (me|us|my|her|him)|\bthreatened me\b|\b(a|with a|has a|got a) (knife|gun|weapon)\b"
        r"|\b(?<!cyber )(?<!panic )(?<!heart )attack(ed|ing) (me|us|her|him|my)\b|\bhitting me\b|\bbeating (me|her|him)\b",
        r"\b(hit|punched|kicked|slapped|choked|strangled) me\b(?! with (an|a|the) (offer|bill|invoice|price))"
        r"|\bhe s (hurting|hitting) (me|us)\b|\bpartner is (hurting|hitting) me",
        r"\bhat mich (\w+ ){0,2}(geschlagen|getreten|gewürgt|verprügelt)|\bschlägt (auf mich|mich) (\w+ )?ein"
        r"|\b(droht|drohte|will) (\w+ ){0,2}(mich|uns) (\w+ )?(umzubringen|umbringen|töten|abstechen)"
        r"|\b(threatening|says he ll|said he d|going to) (to )?kill (me|us)|\bhe ll kill me\b",
        urgency="P0", hazard="police", intent="report_problem", kind="hazard", distress="acute",
        label=("Gewalt oder Eindringling", "violence or intruder present"),
    ),
    _r(
        "self_harm",
        r"\bmich (\w+ )?umbringen|\bselbstmord|\bsuizid|\bnicht mehr leben|\bwill sterben\b|\bmöchte sterben"
        r"|\bleben (\w+ )?beenden|\bmir (\w+ )?(was|etwas) antun|\bmich (\w+ )?ritzen|\bvon der brücke springen",
        r"\bkill myself\b|\bsuicid|\bend (my|it) (life|all)\b|\bdon t want to (live|be alive)\b"
        r"|\bhurt myself\b|\bwant to die\b|\bno reason to live\b",
        r"\bwant to end it\b|\bend it all\b|\bgoing to end it\b|\bfinish it (all|tonight)\b|\bdon t want to be (here|around)"
        r"|\bbetter off (dead|without me)\b|\bnobody would (miss|care)|\btook all (my|the) (pills|tablets)"
        r"|\b(jump|throw myself) (off|from|in front)",
        r"\b(i can t go on|i can t do this any ?more|i can t take it any ?more)\b.*\b(pills|tablets|knife|rope|gun|bridge)\b",
        r"\b(ich kann nicht mehr|ich halte das nicht mehr aus)\b.*\b(tabletten|pillen|messer|strick|brücke)\b",
        r"\ballem (\w+ )?ein ende (setzen|machen)|\bnicht mehr (da )?sein wollen|\bwill (einfach |echt |wirklich )?nicht mehr (da )?sein"
        r"|\bich will (einfach |echt |wirklich )?nicht mehr\b(?=$| ich | es hat| alles)"
        r"|\bkeinen sinn mehr\b(?=.*\b(leben|alles|mir|ich))|\bniemand würde mich vermissen|\bbesser ohne mich"
        r"|\b(packung|alle|ganzen?) tabletten (\w+ )?(genommen|geschluckt)|\b(vom|von der) (dach|brücke|balkon) springen",
        urgency="P0", hazard="medical", intent="report_problem", distress="acute", kind="self_harm",
        label=("Selbstgefährdung", "risk of self-harm"), negatable=False,
    ),
)

# --- P1: ongoing serious damage (global; packs add their own) -----------------------------------
P1_RULES: tuple[Rule, ...] = (
    _r(
        "burst_pipe",
        r"rohrbruch|\b(rohr|schlauch|leitung|anschluss)\w* (\w+ ){0,4}(ist )?(geplatzt|gebrochen|geborsten|abgerissen)"
        r"|\bgeplatzt\w* (\w+ )?(rohr|schlauch|leitung)|\bwasser läuft und läuft|\b(füllt sich|läuft voll) (\w+ )?(mit wasser)?"
        r"|\b(es|das) (läuft|kommt|spritzt|sprudelt|schießt) (\w+ ){0,2}(aus der|aus dem|durch die) (wand|decke|boden)",
        r"\b(wohnung|nachbarn?) (darunter|unter uns|unten)\b(?=.*\b(wasser|nass|tropft|läuft))"
        r"|\b(leaking|dripping|coming|running) (\w+ ){0,2}(into|through) (the )?(flat|apartment|neighbou?r\w*) below",
        r"überschwemm|überflut|\bunter wasser\b|\bflut\b|\bsäuft ab\b|\bschwimmt\b",
        r"wasser (\w+ ){0,3}(läuft|kommt|spritzt|schießt|strömt|sprudelt|tropft|rinnt) (\w+ ){0,2}"
        r"(aus der|aus|durch die|von der|überall|raus|rein|in den|in die)\b",
        r"(läuft|kommt|spritzt|tropft|rinnt) (\w+ ){0,2}(aus|durch|von) (der|die) decke|\bdecke (\w+ )?(tropft|ist nass)",
        r"\bwasser (steht|ist) (\w+ ){0,3}(überall|zentimeter|knöchel|kniehoch|hoch)|\bzentimeter (hoch )?wasser",
        r"\bburst pipe|\bpipe\w* (has |have |just )?(burst|broken|split|cracked)|\bburst (water )?(main|pipe)"
        r"|\bfilling up with water",
        r"\bflood\w*|\bunder water\b|\bwater (is )?(\w+ ){0,2}(everywhere|pouring|gushing|spraying|streaming"
        r"|coming through|coming down|coming in|leaking through|dripping through|rising)",
        r"\b(inches|centimetres|centimeters) of water\b|\bwater (\w+ ){0,3}through the ceiling\b",
        urgency="P1", intent="report_problem", kind="water",
        label=("Rohrbruch / Wasser läuft aus", "burst pipe / active flooding"),
    ),
    _r(
        "sewage",
        r"abwasser (\w+ ){0,3}(kommt|drückt|läuft|steigt) (\w+ ){0,2}(hoch|zurück|raus|über)|rückstau|\bkanal\w* (\w+ )?(rückstau|verstopft)",
        r"\b(toilette|klo|wc)\w* (\w+ ){0,3}(läuft|laufen) (\w+ )?über|\bfäkalien|\bkloake|\bscheiße kommt hoch",
        r"\bsewage|\bsewer (is )?(\w+ )?backing up|\btoilet\w* (is |are )?overflowing|\bsewage backing",
        r"\bwaste water (coming|backing) up",
        urgency="P1", intent="report_problem", kind="water",
        label=("Abwasser-Rückstau", "sewage backing up"),
    ),
    _r(
        "heating_failure",
        r"heizung\w* (\w+ ){0,4}(komplett |total |ganz |völlig )?(ausgefallen|aus\b|kaputt|geht nicht|"
        r"funktioniert nicht|springt nicht an|ist kalt|bleibt kalt|läuft nicht)",
        r"(heizungsausfall|heizungsanlage (\w+ )?ausgefallen|therme (\w+ )?(ausgefallen|geht nicht|störung)|"
        r"\bbrenner (\w+ )?(geht nicht|störung|aus)|\bkessel (\w+ )?(störung|aus|ausgefallen))",
        r"\b(ganze|gesamte|alle) (\w+ )?(wohnung|haus|heizkörper) (\w+ )?(kalt|eiskalt)",
        r"\bheating\b(?! water)(?! the water) (\w+ ){0,3}(stopped|broken|failed|not working|isn t working|is off|s off"
        r"|went off|is down|gone off|packed up|died|is out|has gone out)",
        r"\bboiler (\w+ ){0,3}(broken|not working|failed|stopped|died|down|packed up)\b(?! (doing |making |producing )?hot water)"
        r"|\bno heating\b",
        r"\b(whole|entire) (house|flat|apartment) is (freezing|cold)",
        urgency="P1", intent="report_problem", kind="heating",
        label=("Heizungsausfall", "total heating failure"),
    ),
    _r(
        "no_water",
        r"\bkein(en)? wasser\b(?! (mehr )?(im keller|auf dem boden))|\bwasser ist (\w+ )?weg\b|\bkommt (gar )?kein wasser"
        r"|\bwasser (\w+ )?abgestellt worden|\bwasserhahn (\w+ )?kommt nichts",
        r"\bno (running )?water\b(?! s leaking| is leaking| leaking)|\baus keinem (wasser)?hahn (\w+ )?(mehr )?(kommt )?wasser|(?<!hot )(?<!warm )\bwater (is|s|has been) (completely )?(off|gone|cut off)\b"
        r"|\bnothing comes out of the tap",
        urgency="P1", intent="report_problem", kind="no_water", negatable=False,
        label=("kein Wasser", "no water at all"),
    ),
    _r(
        "break_in",
        r"\beingebrochen|\beinbruch|\baufgebrochen|\bausgeraubt|\bausgeplündert|\bscheibe eingeschlagen",
        r"\bbroken into|\bbreak[ -]?in\b|\bburglar\w*|\bburgled|\brobbed|\bdoor (has been |was )?forced",
        urgency="P1", intent="report_problem", kind="security",
        label=("Einbruch entdeckt", "break-in discovered"),
    ),
    _r(
        "alarm",
        r"\balarm\w* (\w+ ){0,6}(geht los|ging los|ausgelöst|schlägt an|heult|ist an|losgegangen)",
        r"\balarm\w* (\w+ ){0,6}(going off|went off|triggered|sounding|is ringing)",
        urgency="P1", intent="report_problem", kind="security",
        label=("Alarm ausgelöst", "alarm triggered"),
    ),
    _r(
        "arrest_search",
        r"\bauf der (polizei)?wache (\w+ ){0,3}(darf|festgehalten|fest)|\bin gewahrsam\b|\bi m at the police station\b"
        r"|\bverhaftet|\bfestgenommen|\bfestnahme|\buntersuchungshaft|\bin haft\b|\babgeführt",
        r"\bdurchsuchung|\bdurchsucht|\bhausdurchsuchung|\bdurchsuchungsbeschluss|\brazzia",
        r"\barrest\w*|\bin custody\b|\btaken into custody|\bsearch warrant|\b(police|officers) (are )?searching"
        r"|\braid\w*",
        urgency="P1", intent="report_problem", kind="legal",
        label=("Festnahme / Durchsuchung", "arrest / house search"),
    ),
    _r(
        "it_outage",
        r"\b(server|netzwerk|system|systeme|alles|internet|email|e mail|telefonanlage)\w* (\w+ ){0,3}"
        r"(ist |sind )?(down|ausgefallen|abgestürzt|komplett aus|tot)\b",
        r"\b(komplettausfall|totalausfall|gesamtausfall)",
        r"\bverschlüsselt|\bransomware|\blösegeld|\berpress\w*|\btrojaner|\bgehackt|\bhackerangriff|\bcyberangriff",
        r"\b(server|network|systems?|everything|internet|email)\w* (\w+ ){0,2}(is |are )?(down|crashed|offline|dead)\b",
        r"\btotal outage\b|\bcomplete outage\b",
        r"\bencrypted\b|\bransom\w*|\bhacked\b|\bcyber ?attack|\bmalware (\w+ )?(everywhere|all)",
        urgency="P1", intent="report_problem", kind="it",
        label=("IT-Totalausfall / Ransomware", "total IT outage / ransomware"),
    ),
    _r(
        "vital_medication",
        r"\b(insulin|adrenalin\w*|epipen|notfallmedikament|herzmedikament\w*|blutverdünner|asthmaspray|notfallspray"
        r"|antiepileptik\w*|cortison)\b(?=.*\b(alle|leer|aufgebraucht|keins mehr|keine mehr|nichts mehr|heute|sofort"
        r"|dringend|ausgegangen|vergessen|verloren))",
        r"\b(insulin|epipen|epi pen|adrenaline|inhaler|heart medication|blood thinner|seizure medication)\b"
        r"(?=.*\b(ran out|run out|running out|none left|empty|today|tonight|urgent\w*|right now|lost|forgot))",
        r"\b(ran out|run out|running out|none left)\b(?=.*\b(insulin|epipen|inhaler|heart medication|"
        r"blood thinner))",
        r"\b(alle|leer|aufgebraucht|keins mehr)\b(?=.*\b(insulin|epipen|asthmaspray|herzmedikament))",
        r"\b(schmerzpflaster|pain patch\w*)\b(?=.*\b(palliativ\w*|palliative)\b)|\b(palliativ\w*|palliative)\b"
        r"(?=.*\b(schmerzpflaster|pain patch\w*|morphin\w*|morphine)\b)",
        urgency="P1", intent="report_problem", kind="medication",
        label=("lebenswichtiges Medikament fehlt", "urgent vital medication"),
    ),
)

# Said with a negative word, so never negated: "keiner kann arbeiten", "nothing works".
IT_STANDSTILL = _r(
    "it_outage",
    r"\b(nichts|gar nichts) (geht|funktioniert) mehr\b(?! (runter|durch|ab|rein))|\b(keiner|niemand) (\w+ ){0,3}(kann|könnt) (\w+ ){0,2}arbeiten",
    r"\b(nobody|no one|noone) (\w+ ){0,2}can (\w+ )?work\b|\bnothing works\b|\bnothing is working\b",
    urgency="P1", intent="report_problem", kind="it", negatable=False,
    label=("IT-Totalausfall / Ransomware", "total IT outage / ransomware"),
)

# --- P2: urgent today, nothing being damaged now ----------------------------------------------
P2_RULES: tuple[Rule, ...] = (
    _r(
        "toilet_blocked",
        r"\b(toilette|klo|wc|toilet|loo)\w* (\w+ ){0,3}(verstopft|dicht|geht nicht|spült nicht|blocked|clogged|"
        r"won t flush|not flushing)",
        r"\bverstopft\w* (\w+ )?(toilette|klo|wc)|\b(blocked|clogged) (toilet|loo)",
        urgency="P2", intent="report_problem", kind="toilet",
        label=("Toilette verstopft", "toilet blocked"),
    ),
    _r(
        "no_hot_water",
        r"\bkein(en)? warm\w* wasser|\bkein warmwasser|\bwarmwasser (\w+ ){0,2}(geht nicht|ausgefallen|kalt|weg)"
        r"|\bwasser (\w+ ){0,2}(bleibt|ist|wird) (\w+ )?(kalt|nicht warm)|\bnur (noch )?kalt\w* wasser"
        r"|\b(boiler|durchlauferhitzer|warmwasserspeicher) (\w+ )?(geht nicht|kaputt|defekt|ausgefallen)",
        r"\bno hot ?water\b|\bwater heater (\w+ ){0,3}(not|isn t|broken|stopped|died)|\bisn t heating (the )?water"
        r"|\bhot water (\w+ )?(isn t|not|is not|stopped) (working|coming)|\bonly cold water\b"
        r"|\bwater (\w+ ){0,2}(stays|is) (\w+ )?cold\b",
        urgency="P2", intent="report_problem", kind="hot_water", negatable=False,
        label=("kein Warmwasser", "no hot water"),
    ),
    _r(
        "leak",
        r"\b(rohr|leitung|anschluss)\w* (\w+ )?(ist )?(kaputt|defekt|undicht)|\bundicht|\bleck\b|\bleckt|\bwasserschaden|\bfeuchte? (stelle|fleck)|\bnasse? (stelle|fleck|wand)",
        r"\bleak(s|ing|y)?\b|\bwater damage\b|\bdamp patch|\bwet patch",
        urgency="P2", intent="report_problem", kind="water",
        label=("Leck", "leak"),
    ),
    _r(
        "deadline",
        r"\bfrist\w* (\w+ ){0,4}(morgen|heute|übermorgen)|\b(morgen|heute) (\w+ ){0,3}frist|\bfristablauf"
        r"|\b(morgen|heute) (\w+ ){0,3}(einreichen|abgeben|ablaufen|läuft ab)|\bgerichtstermin (\w+ )?(morgen|heute)"
        r"|\b(klage|widerspruch|einspruch)\w* (\w+ ){0,5}(bis )?(morgen|heute)",
        r"\b(gerichtstermin|verhandlung|gerichtsvollzieher|räumung|zwangsräumung|zwangsversteigerung|anhörung)\w* (\w+ ){0,5}"
        r"(morgen|heute|übermorgen)|\b(morgen|heute|übermorgen) (\w+ ){0,4}(gerichtstermin|verhandlung|gerichtsvollzieher"
        r"|räumung|zwangsräumung|zwangsversteigerung)",
        r"\b(hearing|tribunal|court date|bailiff|eviction|repossession)\w* (\w+ ){0,5}(tomorrow|today)|\b(tomorrow|today)"
        r" (\w+ ){0,4}(hearing|tribunal|court|bailiff|eviction)",
        r"\bdeadline\w* (\w+ ){0,4}(tomorrow|today|tonight)|\b(tomorrow|today) (\w+ ){0,3}deadline"
        r"|\b(due|expires|runs out|court( hearing)?) (\w+ ){0,2}(tomorrow|today)|\bfile (\w+ ){0,3}by tomorrow",
        urgency="P2", intent="report_problem", kind="deadline",
        label=("Frist läuft ab", "deadline imminent"),
    ),
)

PHISHING = _r(
    "phishing",
    r"\b(auf )?(einen|den|nen) (\w+ )?link (\w+ ){0,5}geklickt|\bpasswort (\w+ )?eingegeben|\bphishing\w* (\w+ )?(geklickt|reingefallen)",
    r"\bclicked (on )?(a|the) (\w+ )?link|\b(typed|entered) (in )?my password|\bfell for (a|the) phishing",
    urgency="P2", intent="report_problem", kind="it", negatable=False,
    label=("Phishing-Link geklickt", "phishing link clicked"),
)

# --- P3 problems: routine faults, named so the agent sees why it is not urgent ----------------
P3_RULES: tuple[Rule, ...] = (
    _r(
        "minor_fault",
        r"\b(wasser|mischbatterie|armatur)?hahn\w* (\w+ ){0,3}tropft|\btropft (\w+ ){0,3}(wasser|dusch)?(hahn|armatur|brause)"
        r"|\btropfend\w* (wasser)?hahn|\bspülung (\w+ ){0,2}(läuft|rauscht)"
        r"|\bspülkasten (\w+ ){0,2}(läuft|rauscht)|\bein(en)? heizkörper|\bheizkörper (im|in der|in meinem) \w+"
        r"|\b(waschbecken|spüle|abfluss|dusche|badewanne|spülbecken)\w* (\w+ ){0,3}(verstopft|läuft (schlecht|langsam)"
        r" ab|läuft nicht ab)|\bgluckert|\bentlüften",
        r"\bdripping (tap|faucet)|\b(tap|faucet)\w* (\w+ ){0,3}(is |keeps )?drip\w*|\bdrip\w* (\w+ ){0,3}(tap|faucet)|\bcistern (\w+ )?running|\btoilet keeps running"
        r"|\bone (\w+ )?radiator|\bradiator in the \w+|\b(sink|drain|shower|bath|basin)\w* (\w+ ){0,2}"
        r"(is |are )?(blocked|clogged|slow|draining slowly)",
        r"\b(drucker|printer|maus|mouse|tastatur|keyboard|monitor|bildschirm|laptop|notebook|passwort|password)\w*"
        r" (\w+ ){0,3}(geht nicht|kaputt|funktioniert nicht|langsam|vergessen|not working|broken|slow|forgot)",
        urgency="P3", intent="report_problem", kind="fault",
        label=("kleiner Defekt", "minor fault"),
    ),
)

# --- P4: no action
PRANK = _r(
    "prank",
    r"\bscherzanruf|\btelefonstreich|\bprank|\bjust kidding|\bonly joking|\bhaha\b|\bha ha\b|\bhihi\b|\bhehe\b|\bnur spaß"
    r"|\bwar (nur )?(ein )?(spaß|witz)|\bquatsch\b|\bkühlschrank (\w+ )?(am )?laufen|\bfridge running|\bthis is santa",
    urgency="P4", intent="other", kind="noise", negatable=False,
    label=("Scherzanruf", "prank"),
)

P4_RULES: tuple[Rule, ...] = (
    _r(
        "wrong_number",
        r"\bfalsch verbunden|\bverwählt|\bfalsche nummer|\bfalsch gewählt|\bbin ich (da |hier )?falsch\b",
        r"\bis (this|that) \w+ s (phone|number)|\bbist du das\b|\bist (das|da) (der|die) \w+$|\bis da (der|die) \w+$"
        r"|\baus versehen angerufen|\bhosentasche|\b(butt|pocket) ?dial\w*",
        r"\bwrong (\w+ ){0,3}number|\bmisdial\w*|\bdial(l)?ed (the )?wrong|\bis this (not )?the (\w+ )?(pizza|dentist|doctor"
        r"|surgery|restaurant|taxi|hotel)|\bisn t this the (\w+ )?(pizza|dentist|doctor|surgery|restaurant)",
        urgency="P4", intent="other", kind="noise", negatable=False,
        label=("falsch verbunden", "wrong number"),
    ),
    _r(
        "sales_spam",
        r"\bwir bieten ihnen|\bunverbindlich\w* angebot für sie|\bsie haben gewonnen|\bgewinnspiel|\bumfrage"
        r"|\bstromanbieter|\benergieanbieter|\bwechseln sie jetzt|\bim auftrag (von|der|des)\b|\bwerbung"
        r"|\bsolaranlage\w* (\w+ )?(angebot|interesse)|\bkostenlose beratung",
        r"\bwir (bieten|verkaufen) (\w+ ){0,3}(günstig\w*|solar\w*|werbe\w*|anzeigen|strom\w*)|\bhaben sie (\w+ )?(kurz )?"
        r"(zwei|eine|einen) (minuten?|moment) (zeit)?\b|\bstromvertrag|\bbranchenbuch|\bkonto (\w+ )?gesperrt",
        r"\bwe (offer|sell) (\w+ ){0,3}(cheap|solar|ads|advertising|energy)|\b(do you have|have you got) (\w+ )?(a|two)"
        r" minutes?\b|\belectricity contract|\bbusiness directory|\blisting\b|\btell you about our|\baccount (\w+ )?"
        r"(suspended|blocked|locked)|\bprize\b|\byou ve won|\b(quick|short|customer|phone) survey|\bsurvey about"
        r"|\bkiller prices|\bhot deal|\bcalling (from|on behalf of) (a|an) (\w+ ){0,2}(company|firm|agency)"
        r"|\bget our \w+ (stocked|listed)|\bgoogle (reviews?|ranking)",
        r"\b(kosten|stromkosten|energiekosten|heizkosten) (\w+ ){0,4}senken|\b(suchen|sucht) (\w+ )?(partner|kooperation)"
        r"|\bwegen (einer|ner) kooperation|\bgoogle (bewertung|ranking)\w*|\bich (bin|rufe an) von der firma"
        r"|\bneue\w* (\w+ )?(kosmetik|produkt)linie",
        r"\bextended warranty|\byou (have )?won\b|\bcongratulations|\bthis is an automated"
        r"|\bspecial offer for you|\bare you the (owner|decision maker)|\bmarketing|\bseo\b|\bcar s warranty"
        r"|\bwe are calling (you )?(about|from)|\bpress (one|1)\b",
        urgency="P4", intent="other", kind="noise", negatable=False,
        label=("Werbung / Spam", "sales / spam"),
    ),
    PRANK,
)

# --- intent and distress cues -------------------------------------------------------------------
INTENT_RULES: tuple[Rule, ...] = (
    _r(
        "ask_human",
        r"\b(mit )?(einem|einer|nem|ner) (echten |richtigen )?(menschen|mitarbeiter\w*|person|kollegen|techniker"
        r"|anwalt|anwältin|berater)\b (\w+ ){0,2}(sprechen|reden|verbinden|verbunden)",
        r"\b(verbinden sie mich|stellen sie mich durch|durchstellen|echte person|echten menschen|richtigen menschen)",
        r"^(mitarbeiter|mensch|agent|operator|human|person)( bitte| please)?$|\bmitarbeiter bitte\b",
        r"\b(nen|einen|ein|ne|eine) (mitarbeiter\w*|menschen|kollegen)\b (\w+ ){0,2}(sprechen|haben|dran|ans telefon)"
        r"|\bjemand(en)? echte[ns]? (dran|ans telefon)|\b(agent|human) (agent|human|please)",
        r"\b(möchte|will|würde gern|kann ich) (\w+ ){0,3}(mit )?(jemandem|jemanden|wem) (sprechen|reden)",
        r"\b(real|actual|live) (person|human|agent|people)\b|\bspeak to (a |an |someone|somebody|the )"
        r"|\btalk to (a |an |someone|somebody|the )|\b(human|representative|operator|agent) please\b"
        r"|\bput me through\b|\bconnect me\b|\btransfer me\b|\bnot a (robot|machine|bot)\b"
        r"|\bkein(en)? (roboter|computer|bot|maschine)\b",
        intent="request_human", kind="intent", negatable=False,
        label=("möchte einen Menschen", "asked for a human"),
    ),
    _r(
        "order_status",
        r"\bwo bleibt (\w+ ){0,2}(bestellung|lieferung|paket|ware)|\b(bestellung|lieferung|paket)\w* (\w+ ){0,4}"
        r"(nicht angekommen|noch nicht da|fertig|abholbereit|unterwegs|status)|\bstatus (\w+ ){0,2}(bestellung|auftrag)"
        r"|\bist (\w+ ){0,3}(schon )?(fertig|abholbereit|da)\b(?=.*(bestell|rezept|medikament|reserv))"
        r"|\b(ist|sind) (das|die|der) \w+ (\w+ )?(schon )?(gekommen|angekommen|eingetroffen)",
        r"\bwhere is my (order|delivery|parcel|package|prescription)|\border status|\b(order|delivery|prescription)"
        r" (\w+ ){0,3}(arrived|ready|shipped|dispatched|on its way|status)|\bhasn t arrived|\bstill waiting for my"
        r"|\b(did|has) (my|our) (order|\w+) (\w+ ){0,4}(come in|arrive|arrived)|\bmy order of",
        intent="order_status", kind="intent",
    ),
    _r(
        "order",
        r"\bbestellen\b|\bbestellung aufgeben|\breservieren|\breservierung|\bich hätte gern|\bhätte gerne"
        r"|\bich (möchte|will|würde gern|brauche) (\w+ ){0,4}(kaufen|bestellen|abholen|liefern)"
        r"|\b(zum abholen|zur abholung|liefern lassen)",
        r"(?<!my )(?<!our )\border\b(?! status)|\bi d like to (buy|get|order)|\bcan i (get|have|order)|\breserve\b|\bpurchase\b"
        r"|\bfor (pickup|pick up|collection|delivery)\b",
        intent="place_order", kind="intent",
    ),
    _r(
        "appointment",
        r"\btermin(?!al)\w*|\bvorbeikommen|\bvorbei kommen|\bwann (kann|könnte) (\w+ ){0,3}(kommen|vorbei)"
        r"|\b(wartung|inspektion|besichtigung|beratungsgespräch)\b|\bbewachung (\w+ )?buchen|\bbuchen\b",
        r"\bappointment|\bbook (a|an|in)|\bschedule\b|\breschedule|\bcome (by|round|over|out)\b|\bsend someone"
        r"|\bservice visit|\bmaintenance\b|\bconsultation\b",
        intent="appointment", kind="intent",
    ),
    _r(
        "message",
        r"\bnachricht\w*|\bausrichten|\brückruf\w*|\bzurückrufen|\bzurück rufen|\bmeldet sich|\bmelden sie sich"
        r"|\bbescheid geben|\bsagen sie (herrn|frau|ihm|ihr)",
        r"\bmessage\b|\bcall (me )?back\b|\bcallback\b|\bpass (it |this )?on\b|\blet (him|her|them) know\b"
        r"|\bget back to me\b",
        intent="leave_message", kind="intent",
    ),
    _r(
        "information",
        r"\böffnungszeit\w*|\bgeöffnet|\bwann haben sie|\bhaben sie (\w+ )?(auf|offen)|\badresse\b|\bwo (sind|finde)"
        r"|\bwas kostet|\bwie viel kostet|\bwie teuer|\bpreis\w*|\bkosten\b|\bkostenvoranschlag|\bangebot\b"
        r"|\brechnung\w*|\bmachen sie auch|\bbieten sie|\bgibt es bei ihnen|\bwie lange (\w+ )?(dauert|haben)",
        r"\bopening (hours|times)|\bare you open|\bwhen do you (open|close)|\baddress\b|\bwhere are you"
        r"|\bhow much|\bprice\w*|\bcost\w*|\bquote\b|\bestimate\b|\binvoice\w*|\bbill\b|\bdo you (do|offer|sell)"
        r"|\bhow long\b",
        intent="information", kind="intent",
    ),
    _r(
        "complaint",
        r"\bbeschwer\w*|\bunzufrieden|\bunverschämt|\bfrechheit|\breklamation|\breklamieren|\bschlecht gemacht"
        r"|\bpfusch|\bimmer noch nicht (repariert|behoben|erledigt)|\bschon wieder kaputt|\bnicht erschienen"
        r"|\bniemand (ist )?gekommen|\bzu viel berechnet|\bärgerlich",
        r"\bcomplain\w*|\bnot (happy|satisfied)\b|\bunhappy\b|\bterrible service|\bunacceptable|\bdisappointed"
        r"|\bstill (not|isn t) (fixed|repaired)|\bnever (showed|turned) up|\bno one (showed|came)|\bovercharged"
        r"|\bbroke again\b",
        intent="complaint", kind="intent",
    ),
)

DISTRESS_RULES: tuple[Rule, ...] = (
    _r(
        "acute",
        r"\bpanik|\bich hab\w* (solche|so|total|große) angst|\bich kann nicht mehr\b|\bhoffnungslos|\bweine\b|\bweint\b"
        r"|\bschluchz|\boh gott oh gott|\bhilfe hilfe|\bbitte helfen sie mir|\bich sterbe|\bich halte das nicht"
        r"|\bich weiß nicht mehr weiter|\bverzweifelt|\bhelft mir",
        r"\bpanick\w*|\bpanic\w*|\bi m (so )?(terrified|scared|so scared|freaking out)|\bi can t (cope|take it|go on)"
        r"|\bhopeless|\bcrying\b|\bsobbing|\bhelp me please|\bplease help me|\bhelp help|\boh god oh god"
        r"|\bi m going to die|\bdesperate|\bi can t do this any ?more\b|\bi can t take (it|this) any ?more",
        distress="acute", kind="distress",
    ),
    _r(
        "elevated",
        r"\bsauer\b|\bwütend|\bverärgert|\bärgerlich|\bunverschämt|\bfrechheit|\bbesorgt|\bsorgen\b|\bnervös"
        r"|\bangst\b|\bgestresst|\baufgeregt|\bverdammt|\bscheiße|\bmist\b|\bdas darf doch nicht wahr sein"
        r"|\bschon (das )?(dritte|zweite|vierte) mal|\bschnell bitte|\bbitte schnell|\bbeeilen|\bschnauze voll"
        r"|\bgenervt|\bstinksauer|\bnervt\b|\bist das (n|ein) witz|\bunmöglich\b|\bkatastrophe|\bärgere mich",
        r"\bangry|\bupset|\bfurious|\bworried|\banxious|\bnervous|\bscared|\bfrustrat\w*|\bridiculous"
        r"|\bunacceptable|\bdamn\b|\bfuck\w*|\bshit\b|\bthird time|\bsecond time|\bhurry|\bquickly please"
        r"|\bstressed|\bfuming|\bannoyed|\bfed up|\boutrageous|\bdisgusted|\blivid|\bnot happy|\bcan t believe"
        r"|\bunbelievable|\bsick of",
        distress="elevated", kind="distress",
    ),
)

# --- modifiers: time, containment, scope -------------------------------------------------------
_MONTHS = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march"
    "|may|june|july|october|december"
)
PAST = re.compile(fold_pattern(
    r"\b(letzte\w*|vorige\w*|vergangene\w*) (woche|monat|jahr|mal|winter|sommer)|\bvor (\w+ )?(tagen|wochen|monaten|jahren)\b"
    r"|\bdamals|\bneulich|\bhatten (\w+ ){0,3}(rohrbruch|einbruch|brand|wasserschaden|ausfall)"
    r"|\b(wurde|wurden|ist|sind) (\w+ ){0,3}(repariert|behoben|erledigt)"
    rf"|\b(im|vom|from|in|back in|last) ({_MONTHS})\b"
    r"|\blast (week|month|year|time|winter)|\b(\w+ )(day|week|month|year)s? ago\b|\ba while ago|\bpreviously"
    r"|\bwe had (a|an)\b|\b(was|were|has been|got) (\w+ )?(fixed|repaired|sorted)\b|\bback in the\b"
    r"|\b(for|für) (the |die )?(insurance|versicherung)"
))
# an invoice is about past work: it makes a damage routine, never a danger to life
INVOICE = re.compile(fold_pattern(r"\brechnung\w*|\binvoice\w*|\bbill\b"))
RESOLVED = re.compile(fold_pattern(
    r"\bvon selbst|\bvon alleine|\bhat (\w+ )?(wieder )?aufgehört|\b(jetzt|inzwischen|mittlerweile) (\w+ ){0,3}"
    r"(trocken|wieder gut|wieder ok|in ordnung)|\b(geht|funktioniert|läuft) (\w+ ){0,2}(?<!immer )wieder\b(?! los)|\bwieder (trocken|an)\b"
    r"|\bfrei bekommen|\bfreibekommen|\balles (ist )?in ordnung"
    r"|\bby itself|\bon its own|\bstopped (now|again)|\bworks? again|\bworking again|\bback to normal"
    r"|\b(is|s|its|came|come|went|it s) back (on|up)\b"
    r"|\ball dry now|\bfixed itself|\bsorted it|\bunblocked it"
    r"|\beverything (is|s) (fine|ok)"
))
CONTAINED = re.compile(fold_pattern(
    r"\b(haupt)?(wasser)?(hahn|ventil|absperrhahn|haupthahn) (\w+ ){0,3}(zugedreht|zu gedreht|abgedreht|geschlossen|zu\b)"
    r"|\bwasser (\w+ ){0,2}(abgestellt|abgedreht)|\b(zugedreht|abgedreht|abgestellt)\b"
    r"|\b(turned|shut|switched) (off )?(the )?(main|water|valve|stopcock|supply)( off)?|\bclosed the (\w+ )?valve"
    r"|\bshut off the water|\bturned the water off|\bwater off at the main|\b(turned|shut) it off"
    r"|\b(hab|habe) (\w+ )?(zugemacht|zugedreht|abgedreht)|\bventil (\w+ )?zugemacht"
))
STILL_ACTIVE = re.compile(fold_pattern(
    r"\b(immer noch|noch immer|trotzdem|weiterhin|hört nicht auf|still|keeps|won t stop|doesn t stop|not stopping)\b"
    r"|\b(läuft|kommt|tropft) (\w+ )?(noch|weiter)\b|\b(aber|but|doch) (\w+ ){0,2}(jetzt|now|gerade|grad|plötzlich"
    r"|suddenly|actually)\b|\bright now\b|\bgerade eben\b|\bim moment\b|\bat the moment\b"
))
# "Was würde ein Notdiensteinsatz bei einem Rohrbruch kosten?", "if the alarm goes off, how fast are you?"
HYPOTHETICAL_BEFORE = re.compile(fold_pattern(
    r"\b(wenn|falls|if|in case|whether|ob|bei einem|bei einer|im falle|for a|für einen|für eine|gegen|against"
    r"|in a|in an|schulung|training|versicherung gegen)\b"
))
JUST_ASKING = re.compile(fold_pattern(
    r"\bnur (mal )?(so |allgemein )?gefragt|\ballgemein gefragt|\ballgemeine frage|\bjust (asking|curious)|\basking for a friend|\brein theoretisch|\btheoretically"
    r"|\bgeneral question|\bhypothetisch|\bhypothetically|\bwas passiert (eigentlich )?wenn|\bwhat happens if"
    r"|\b(schulung|training|workshop|seminar|awareness|präventi\w*|prevention|schutz vor|protection against)\b"
    r"|\b(so|damit) (\w+ ){0,5}(doesn t|don t|nicht|nie) (happen|passiert)|\bvorbeug\w*|\bprotect (us|ourselves)"
))
LOW_STAKES = re.compile(fold_pattern(
    r"\bnichts (schlimmes|dramatisches|wildes)|\bnicht (so )?(schlimm|dringend|eilig)|\bkein notfall|\bkeine eile"
    r"|\bnothing serious|\bnot (an )?(urgent|emergency|serious)|\bno emergency|\bno rush|\bseit (monaten|wochen|jahren)"
    r"|\bfor (months|weeks|years)\b"
))
FAR_FUTURE = re.compile(fold_pattern(
    r"\berst (\w+ ){0,2}(nächste\w*|übernächste\w*|ende|in)\b|\bnächste\w* (woche|monat)|\bin (\w+ )?(wochen|monaten)"
    r"|\bnext (week|month)|\bin (\w+ )?(weeks|months)|\bend of (the|next) month"
))
# "Bis heute Abend muss das Tor zu sein", "I need the antibiotic today": urgent today, not an emergency
TODAY = re.compile(fold_pattern(
    r"\b(heute (noch|abend|nachmittag|nacht|früh)|noch heute|bis heute|morgen früh|heute)\b"
    r"|\b(today|tonight|this (afternoon|evening)|by tomorrow|tomorrow morning)\b"
))
NEED = re.compile(fold_pattern(
    r"\b(brauche\w*|muss|müssen|dringend|ersatz|kaum noch|nur noch|fast leer|liefern|zu sein|abgesagt)\b"
    r"|\b(need|needs|has to|have to|must|urgent\w*|replacement|almost out|only got|running low|deliver|cancel\w*)\b"
))
# the other services still work: one thing down for everyone is urgent, not a total outage
REST_WORKS = re.compile(fold_pattern(
    r"\bsonst (läuft|geht|funktioniert) alles|\beverything else (is fine|works|is working)|\b(cold|kalt\w*) (is fine|geht)"
    r"|\b(heating|heizung) (is fine|works|geht)"
))
# an alarm set off by the caller themselves
FALSE_ALARM = re.compile(fold_pattern(
    r"\bfehlalarm|\baus versehen|\bversehentlich|\bselbst ausgelöst|\bfalse alarm|\bby (mistake|accident)|\baccidentally"
))
# "nur Spaß", "just kidding": whatever was said before was not meant
JOKE = re.compile(fold_pattern(r"\b(nur spaß|war (nur )?(ein )?(spaß|witz)|quatsch|just kidding|only joking)\b"))
# nothing but fillers and "hello, is anyone there?"
NO_CONTENT_WORDS = frozenset(
    fold(w)
    for w in "äh ähm ehm hm hmm mhm öhm uh uhm um umm er erm ah oh so also ja naja na like you know hallo hello hi hey moin "
    "ist da jemand is there anyone anybody someone can you hear me hören sie mich können hoeren koennen sie "
    "test testing eins zwei one two wer hört hoert hör nix nichts anybody home hellooo halloo".split()
)
SUMMER = re.compile(fold_pattern(
    r"\bsommer\b|\bsummer\b|\bwarm draußen|\bwarm outside|\b(juni|juli|august|june|july)\b|\bhochsommer|\bhitze"
    r"|\berst (wieder )?im herbst|\b(until|not until) (the )?autumn"
))
OTHER_TOILET = re.compile(fold_pattern(
    r"\b(zweite|andere|anderes|zweites|gäste)\w* (\w+ )?(toilette|klo|wc|bad)|\bsecond (toilet|bathroom|loo)"
    r"|\banother (toilet|bathroom)|\bother (toilet|bathroom)"
))
SCOPE_ONE = re.compile(fold_pattern(
    r"\b(ein|einer|eine|einen|nur ein\w*|one|just one|only one) (\w+ )?(heizkörper|radiator|raum|zimmer|room|pc|rechner"
    r"|computer|drucker|printer|laptop|mitarbeiter)\b|\bin (einem|one) (raum|zimmer|room)\b|\beiner von (unseren|den) \w+"
    r"|\bone of (our|the) \w+|\bder (andere|andre) (läuft|geht)|\bthe other (one )?(works|is (still )?running)"
))


@lru_cache(maxsize=2048)
def _patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Compiled once per distinct pattern set: a pack version's phrases compile on first use."""
    return tuple(re.compile(fold_pattern(p)) for p in patterns)


def pack_rule(rule_id: str, urgency: Urgency, patterns: tuple[str, ...], label: tuple[str, str], kind: str) -> Rule:
    """A client's own emergency as a rule (its id is "client:emergency")."""
    return Rule(id=rule_id, patterns=patterns, urgency=urgency, intent="report_problem", kind=kind, label=label)


_IDIOMS = re.compile(
    r"\b(weiss (\w+ )?nicht|stoer\w* (\w+ )?nicht|nicht sicher|not sure|don t know|dont know|no idea"
    r"|keine ahnung|don t want to bother|hope i m not)\b"
)
_CLAUSE_BREAKS = frozenset("und aber oder weil sondern doch dass and but or because so".split())


def is_negated(folded: Folded, start: int, end: int, *, after: bool = True) -> bool:
    """Is the matched hazard denied ("kein Rohrbruch", "it's not a burst pipe", "es brennt nicht")?

    ASR text has no commas: the window is three words back, stopping at a conjunction ("ich finde
    den Haupthahn nicht und das Wasser schießt raus" denies nothing), and two words after.
    """
    # "hasn't" folds to "hasn t": the lone "t" is part of the negator, not a word of the window
    before = [w for w in _IDIOMS.sub(" ", folded.text[:start]).split() if w not in ("t", "s")]
    for distance in range(1, _NEG_WINDOW_WORDS + 1):
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
        if word in _NEGATORS and previous not in _NOT_NEGATING_AFTER:
            return True
    return after and bool(_NEG_AFTER.match(folded.text[end:]))


def match(folded: Folded, rules: tuple[Rule, ...]) -> list[Hit]:
    """Every rule whose pattern occurs, with the caller's words and whether they were negated."""
    hits: list[Hit] = []
    for rule in rules:
        found: Hit | None = None
        for pattern in _patterns(rule.patterns):
            for m in pattern.finditer(folded.text):
                negated = rule.negatable and is_negated(folded, m.start(), m.end())
                hit = Hit(rule, folded.words_at(m.start(), m.end()), negated, m.start())
                if not negated:
                    found = hit
                    break
                found = found or hit
            if found and not found.negated:
                break
        if found:
            hits.append(found)
    return hits


ALL_URGENCY_RULES = P0_RULES + P1_RULES + (IT_STANDSTILL,) + P2_RULES + (PHISHING,) + P3_RULES + P4_RULES
RULE_KINDS = {rule.id: rule.kind for rule in ALL_URGENCY_RULES}


# --- everyday turns: never an emergency, never distress, whatever a model makes of them ----------
EVERYDAY_WORDS = frozenset(
    fold(w)
    for w in (
        # greetings, goodbyes, fillers
        "hallo hello hi hey moin servus grüß gott guten tag morgen abend mittag good morning afternoon evening day "
        "tschüss tschüs ciao bye goodbye auf wiederhören wiedersehen bis dann später later see you "
        "äh ähm ehm hm hmm mhm öhm uh uhm um umm er erm ah oh so also na naja well like you know i mean "
        # thanks, yes, no, politeness
        "danke dankeschön schön vielen dank thanks thank you so much very bitte please sorry entschuldigung "
        "ja jawohl jo jep yes yeah yep yup sure genau richtig korrekt stimmt right correct exactly "
        "nein nee nö no nope nicht not falsch wrong das ist alles that s all it all war s was noch mal "
        "okay ok alles klar klar natürlich of course selbstverständlich gern gerne fine passt schon egal mir "
        "i don t mind ist sind es is it that this das der die den dem ein eine einen and und oder or a an the "
        "moment augenblick sekunde second minute hold on wait warten sie mal wie bitte pardon again "
        # numbers, spelled or as digits
        "null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend "
        "zero oh one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand double "
        "nummer number telefonnummer phone handy mobile meine my mein is ist lautet heiße heisse name "
        # addresses
        "in im am an der straße strasse str weg platz allee gasse ring damm ufer street st road rd lane avenue "
        "ave way close drive flat apartment wohnung stock etage floor hausnummer postleitzahl postcode zip"
    ).split()
)
_EVERYDAY_UNKNOWN_MAX = 2
# a call for help is never an everyday turn, however short ("Hilfe, Einbrecher!")
_NOT_EVERYDAY = frozenset(fold(w) for w in "hilfe help notfall emergency sos feuer fire polizei police".split())  # a name or a city may follow "mein Name ist", "my number is", a street word
_NAME_CUES = frozenset(fold(w) for w in "name heiße heisse spricht ist is this straße strasse street road weg".split())


def only_everyday_words(text: str, folded: Folded) -> str | None:
    """The words, if a turn is only greetings, fillers, thanks, yes/no, numbers, a name or an address.

    Such a turn answers a question or opens the call; no model may read an emergency or distress
    into it ("Guten Tag!", "Ist mir egal.", "Klaus Weber", "Goethestraße 14").
    """
    tokens = folded.text.split()
    if not tokens or any(t in _NOT_EVERYDAY for t in tokens):
        return None
    unknown = [
        t for t in tokens
        if t not in EVERYDAY_WORDS and not t.isdigit() and not re.fullmatch(r"\d+\w?|\w+(strasse|str|weg|platz)", t)
    ]
    if not unknown:
        return folded.text
    if len(unknown) > _EVERYDAY_UNKNOWN_MAX:
        return None
    raw_words = text.split()
    title_case = len(raw_words) <= 3 and all(w[:1].isupper() for w in raw_words if w[:1].isalpha())
    cued = any(t in _NAME_CUES for t in tokens) or any(t.isdigit() for t in tokens)
    return folded.text if title_case or cued else None


_SHOUTED = re.compile(r"\b[A-ZÄÖÜ]{3,}\b")
_SHOUTED_WORDS = frozenset("NOW SOFORT JETZT HILFE HELP SCHNELL QUICK".split())


def shouting(text: str) -> str | None:
    """Words in capitals the recogniser or the typist kept: 'get me a person NOW', 'HILFE'.

    One capitalised urgent word, or three capitalised words, is shouting; acronyms (IT, VPN, WLAN)
    alone are not.
    """
    found = _SHOUTED.findall(text)
    if any(w in _SHOUTED_WORDS for w in found) or len(found) >= 3:
        return " ".join(found)
    return None

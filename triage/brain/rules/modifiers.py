"""Modifiers: what the rest of an utterance says about a situation's time, containment and scope.

Negation is handled where rules match (`matching.is_negated`); these are the other words that change what
a situation means: the past ("der Rohrbruch letzte Woche"), a fault that stopped ("jetzt ist alles
trocken"), one that was contained ("Haupthahn zugedreht"), a question about it ("was kostet ein
Notdiensteinsatz bei einem Rohrbruch?"). Which of them apply to which kind of rule is one table, `MODIFIERS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..text import Folded, fold_pattern
from ..types import Urgency
from .matching import CORRECTION, NEGATORS, Hit, is_negated
from .schema import Kind

# --- modifiers: time, containment, scope -------------------------------------------------------
_MONTHS = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march"
    "|may|june|july|october|december"
)
PAST = re.compile(fold_pattern(
    # "ein letztes Mal", "one last time": a farewell, not the past (issue 11, seventeenth set)
    # issue 11, twenty-fourth set: "seit letzter Woche" is since then, up to now
    r"\b(?<!ein )(?<!seit )(?<!since )(letzte\w*|vorige\w*|vergangene\w*) (woche|monat|jahr|mal|winter|sommer|frühling|frühjahr|herbst)|\bvor (\w+ )?(tagen|wochen|monaten|jahren)\b"
    r"|\bvor (gut |knapp |über |etwa )?(einem|einer|nem|ner) (woche|monat|jahr|jahrzehnt)\b"
    r"|\bdamals|\bneulich|\bfrüher (\w+ )?(mal|immer|oft|öfter|öfters)\b"
    # issue 11, twentieth set: "hat mich früher geschlagen", "hit me in the past" (not "in the past hour")
    r"|\b(mich|uns|dich|sie|ihn|euch) früher\b|\bin the past\b(?! (\w+ )?(hour|hours|minute|minutes|half hour|day|night|while))"
    r"|\b(he|she|they|it|we|i|ex|husband|wife|partner) used to\b|\bhatten (\w+ ){0,3}(rohrbruch|einbruch|brand|wasserschaden|ausfall)"
    r"|\b(wurde|wurden|ist|sind) (\w+ ){0,4}(repariert|behoben|erledigt)"
    rf"|\b(im|vom|from|in|back in|last) ({_MONTHS})\b"
    r"|\b(?<!one )last (week|month|year|time|winter|spring|summer|autumn|fall)|\b(\w+ )(day|week|month|year)s? ago\b|\ba while ago|\bpreviously"
    r"|\bwe had (a|an)\b|\b(was|were|has been|got) (\w+ )?(fixed|repaired|sorted)\b"
    r"|\b(has|have) (already |now |all )?been (\w+ )?(fixed|repaired|sorted|dealt with|settled)\b"
    r"|\bback in the (day|days|summer|spring|autumn|fall|winter|year|nineties|eighties|seventies|\d+s?)\b"
    # issue 11, twenty-first set: "a confirmation of the water damage for my insurance", "den Bericht für meine Versicherung"
    r"|\b(for|für) (the |die |my |our |meine |unsere |meiner )?(insurance|insurer|versicherung)"
    r"|\b(ein|einem|zwei|drei|vier|fünf|paar|einige) (jahr|jahre|jahren|monat|monate|monaten|wochen) her\b"
    # "wir hatten eine Schlägerei auf der Firmenfeier", "es gab einen Brand", "there was a fight at the party"
    r"|\b(hatten|hatte|gab es|es gab) (\w+ ){0,3}\w*(schlägerei|einbruch|brand|feuer|rohrbruch|unfall|überfall|wasserschaden)"
    r"|\b(schlägerei|einbruch|brand|rohrbruch|unfall|überfall|wasserschaden)\w* (\w+ ){0,4}gehabt\b"
    r"|\bthere was (a|an) (fight|fire|break in|burglary|leak|flood|accident|brawl)\b"
    # issue 11, twenty-eighth set: "the break-in was in the summer", "der Einbruch war im Sommer"
    r"|\b(was|were|happened) (in|during|over) (the )?(summer|winter|spring|autumn|holidays)\b"
    r"|\b(war|waren|passierte|passiert) (\w+ )?(im|in den|über den) (sommer|winter|frühling|frühjahr|herbst|ferien)\b"
    # issue 11, nineteenth set: "wegen dem Gasgeruch von gestern", "yesterday's gas smell", "früher hat mein Vater
    # immer gesagt": a day gone or a saying of old, not now
    r"|\b(von|vom) (gestern|vorgestern)\b|\byesterday s\b|\bfrüher (\w+ ){0,3}(immer|oft|öfter|gesagt)\b"
    # issue 11, thirty-eighth set: "the gas smell yesterday", as English says "der Gasgeruch von gestern"
    r"|\b(the|that) (\w+ ){1,2}(from |of )?yesterday\b(?= (was|were|turned out|it was|that was)\b)"
    # issue 11, twenty-fifth set: a trouble counted over a week gone by ("has gone off twice this week", "ist diese Woche
    # schon dreimal losgegangen"): the times it happened, not one happening now
    r"|\b(twice|three times|four times|several times|a few times|a couple of times|\w+ times) (this|last|in the last|in the past) (week|month|year|fortnight)\b"
    r"|\b(zweimal|dreimal|viermal|mehrmals|mehrfach|ein paar mal|paarmal|zwei mal|drei mal) (\w+ )?(diese|letzte|vorige|in der letzten|in dieser|diesen|letzten) (woche|monat)\b"
    r"|\b(diese|letzte) woche (\w+ )?(schon )?(zweimal|dreimal|viermal|mehrmals|mehrfach|zwei mal|drei mal|ein paar mal)\b"
    # issue 11, twenty-seventh set: ... or over last night ("ist letzte Nacht dreimal umsonst losgegangen", "went off three
    # times last night")
    r"|\b(zweimal|dreimal|viermal|mehrmals|mehrfach|zwei mal|drei mal) (\w+ )?(letzte|vorige|gestern) nacht\b"
    r"|\b(letzte|vorige|gestern) nacht (\w+ )?(schon )?(zweimal|dreimal|viermal|mehrmals|mehrfach|zwei mal|drei mal)\b"
    r"|\b(twice|three times|four times|several times|a few times|a couple of times) (\w+ )?(last night|overnight)\b"
    r"|\blast night (\w+ )?(twice|three times|four times|several times|a few times|a couple of times)\b"
))
# "letzte Woche eingebaut, und jetzt riecht es nach Gas": the past phrase is about something else, the hazard is now
PRESENT = re.compile(fold_pattern(
    r"\b(jetzt|nun|gerade|grad|grade|seitdem|seit eben|heute|now|right now|today|tonight|since then|this morning|just)\b"
    # issue 11, fifteenth set: the caller turns from the past matter to another ("it's not really about that but …")
    r"|\bnot (really |actually )?(about that|why i m (calling|ringing))\b|\bsomething else\b"
    r"|\b(nicht|gar nicht) (wirklich |eigentlich )?(deswegen|darum|weshalb ich anrufe)\b|\bwas anderes\b|\betwas anderes\b"
    # issue 11, twenty-eighth set: "there was an accident, a man … is bleeding a lot", "es gab einen Unfall, er blutet":
    # the state the person is in now, told after the event
    r"|\b(is|s|are|re) (still )?(bleeding|lying|not moving|not breathing|unconscious|trapped|stuck)\b"
    r"|\b(blutet|bluten|liegt|liegen|bewegt sich nicht|atmet nicht|ist bewusstlos|eingeklemmt)\b"
))
# issue 11, thirty-eighth set: ... or the hazard dated in the past is said to be back or worse now, after its date ("der
# Gasgeruch von gestern ist heute viel stärker", "the gas smell from yesterday is back again"); not any word of today
# ("the burst pipe last week, is the invoice ready now?")
NOW_AFTER_PAST = re.compile(fold_pattern(
    r"\b(ist|sind|is|s|are|re|it s|its) (jetzt |now |heute |today )?(wieder|again|back)\b(?! (in|im|at|from|von)\b)"
    r"|\b(wieder|again|back) (da|now|jetzt|here)\b"
    r"|\b(heute|jetzt|today|now) (\w+ ){0,2}(viel |noch |much |even |really |a lot )?(stärker|schlimmer|stronger|worse)\b"
    r"|\b(viel|noch|much|even|getting|wird|immer) (stärker|schlimmer|stronger|worse)\b"
))
# issue 11, twenty-ninth set: ... or right after the hazard ("Ihre Leute waren letzten Monat da, … im Keller riecht es nach
# Gas seit heute früh", "last time … a smell of gas in the boiler cupboard since this morning"): it began today
SINCE_NOW_AFTER = re.compile(fold_pattern(
    r"^(\w+ ){0,6}(seit (heute|eben|vorhin|gerade|grad|einer|einigen|ein paar|zwei|drei|\d+)"
    r"|since (this|today|an hour|about|earlier|\d+|a few|two|three|first thing|lunch|breakfast))\b"
))
# issue 11, thirty-second set: ... or the caller turns aside to another matter after the past one ("I rang last week about
# the radiator, oh and while I've got you, there's a smell of gas", "wegen dem Heizkörper letzte Woche, ach so, im Flur
# riecht's nach Gas"): what follows the aside is told on its own
ASIDE = re.compile(fold_pattern(
    r"\b(while i ve got you|while i have you|while i m on the phone|since i ve got you|now that i think of it"
    r"|now i think of it|one more thing|oh and|oh also|by the way|btw"
    r"|ach so|ach ja|ach übrigens|übrigens|nebenbei|noch was|da fällt mir ein|was anderes noch"
    r"|wo ich sie (\w+ )?(dran|am telefon|an der strippe) (hab|habe)|wenn ich sie (\w+ )?(dran|am telefon) (hab|habe))\b"
))
# an invoice is about past work: it makes a damage routine, never a danger to life
INVOICE = re.compile(fold_pattern(r"\b\w*rechnung\w*|\binvoice\w*|\bbill\b"))
# ... unless the caller turns from it to what is happening now, in the same turn ("ich wollte wegen der Rechnung
# fragen, aber gerade ist das Rohr geplatzt", "it's about the invoice, and also the pipe has just burst", "… und ach ja,
# im Keller spritzt gerade Wasser"; issue 11, twentieth and twenty-first sets)
TURN_TO_NOW = re.compile(fold_pattern(
    r"\b(aber|but|außerdem|nebenbei|übrigens|and also|und auch|besides|by the way|gerade|grad|grade|jetzt|now|just|eben|plötzlich"
    r"|suddenly|right now|in dem moment|meanwhile|währenddessen|oh gott|oh god|im moment|momentan|at the moment"
    r"|as we speak)\b"
))
# ... unless the invoices are the caller's own work that a fault blocks: "ich kann heute keine Rechnungen verschicken"
INVOICE_WORK = re.compile(fold_pattern(
    r"\brechnungen (\w+ )?(verschicken|schreiben|drucken|erstellen|rausschicken|raus schicken|versenden|rausgeben)"
    r"|\b(send|sending|write|writing|print|printing|create|creating|issue|issuing|email|emailing) (out )?(any |our |the )?invoices"
))
# issue 11, thirty-sixth set: the danger itself said to be over ("the sparks at the switch have stopped", "die Funken
# sind weg", "das Knistern hat aufgehört"); only the danger's own words, never a smell of gas, which airing the room
# takes away while the leak goes on
_DANGER_OVER = (
    r"\b(sparks?|sparking|smoke|flames|fire|flickering|crackling|funken|rauch|qualm|flammen|feuer|flackern|knistern"
    r"|britzeln)\b (\w+ ){0,5}?"
    r"(has|have|s|ve|is|are|re|ist|sind|haben|hat) (\w+ )?(stopped|gone|weg|verschwunden|aufgehört)\b"
    # ... not an alarm that has gone off, smoke gone into the loft, a person gone limp
    r"(?! (off|on|up|down|into|in|through|out|under|everywhere|all over|black|grey|gray|blue|white|mad|wild|crazy"
    r"|dark|quiet|limp|floppy|pale|cold|silent|zu|hoch|rein|rüber))"
)
# ... which says nothing of a person in danger beside it: "Mein Mann ist bewusstlos, der Rauch ist weg", "my dad has
# stopped breathing, the sparks have stopped" (coord19)
DANGER_OVER = re.compile(fold_pattern(_DANGER_OVER))
RESOLVED = re.compile(fold_pattern(
    # ... not a mouse that moves by itself: someone else steers it (issue 11, twenty-sixth set)
    r"(?<!bewegt sich )(?<!klickt )\bvon selbst|(?<!bewegt sich )(?<!klickt )\bvon alleine"
    # a noise or a drip that stopped ("hat aufgehört zu klopfen"), never the work itself: "die Heizung hat aufgehört zu
    # heizen", "er hat aufgehört zu atmen" say that it failed (coord19)
    r"|\bhat (\w+ )?(wieder )?aufgehört(?! zu (atmen|heizen|funktionieren|arbeiten|zünden|schlagen)\b)"
    r"|\b(jetzt|inzwischen|mittlerweile) (\w+ ){0,3}"
    r"(trocken|wieder gut|wieder ok|in ordnung)|\b(geht|funktioniert|läuft) (\w+ ){0,2}(?<!immer )wieder\b(?! los)|\bwieder (trocken|an)\b"
    r"|\bfrei bekommen|\bfreibekommen|\balles (ist )?in ordnung"
    r"|(?<!moving )(?<!moves )(?<!clicking )\bby itself|(?<!moving )(?<!moves )(?<!clicking )\bon its own|\bstopped (now|again)|\bworks? again|\bworking again|\bback to normal"
    r"|\b(is|s|its|came|come|went|it s) back (on|up)\b"
    r"|\b(but|and|now) (it s|it is|its|everything s|they re) (all )?back\b(?! (down|off|again|to square))"
    # issue 11, sixteenth set: "the internet was down for two hours yesterday, it's back now"
    r"|\b(was|were) (down|off|out|gone)\b.*\b(it s|it is|its|everything s|they re|it came) (all )?back( now| up| on)?\b(?! (down|off|again))"
    r"|\ball dry now|\bfixed itself|\bsorted it|\bunblocked it"
    # issue 11, twenty-eighth set: "it was the cooker and it's fixed now", "we mopped it all up", "alles aufgewischt"
    r"|\b(it s|it is|its|that s|everything s) (all )?(fixed|sorted|repaired) now\b"
    r"|\b(mopped|wiped|cleaned) (it |everything )?(all )?up\b|\b(alles )?(aufgewischt|weggewischt)\b"
    # issue 11, twentieth set: "it went down yesterday, it's running again" (German: "läuft wieder", above)
    r"|\b(it s|it is|its|everything s|everything is|they re|they are) (\w+ )?(running|up|online|working) again\b"
    # issue 11, twenty-ninth set: "it's been running fine since this morning", "seit heute früh läuft er einwandfrei"
    r"|\b(has|have|s|ve) been (running|working) (fine|ok|okay|normally|smoothly|perfectly|without (a )?problem)\b"
    r"|\b(läuft|laufen|funktioniert|funktionieren) (\w+ ){0,3}(einwandfrei|problemlos|ohne probleme|tadellos|stabil|normal)\b"
    r"|\beverything (is|s) (fine|ok)"
    r"|\b(alles )?gelöscht\b|\bput (it |the fire )?out\b|\b(the )?fire (is|s|was) out\b"
    # "die Stadtwerke haben geprüft, es ist in Ordnung", "they checked and it's fine"
    r"|\b(es|alles) ist (wieder |jetzt |soweit |alles )?(in ordnung|ok|okay)\b|\bit s (all )?(fine|ok|okay|safe)\b"
    r"|\b(geprüft|kontrolliert|nachgesehen|checked)\b (\w+ ){0,6}(nichts gefunden|alles gut|safe|fine|nothing (found|wrong))\b"
    r"|\b(already|has|have|had|just) (\w+ )?(fixed|repaired|sorted) (it|that|the|everything)\b"
    r"|\bhat (\w+ ){0,4}(schon |bereits )?(alles )?(repariert|behoben|in ordnung gebracht)\b"
    # issue 11, nineteenth set: "alles wieder gut", "all good again"; damp that has dried ("der Wasserschaden ist
    # getrocknet", "the water damage has dried out")
    r"|\balles (ist )?wieder (gut|ok|okay)\b|\ball (good|fine|ok|okay) (again|now)\b"
    r"|\b(ist|sind) (\w+ ){0,2}(getrocknet|ausgetrocknet|abgetrocknet|trockengelegt)\b"
    r"|\b(has|have|s|is|are) (\w+ )?(dried (out|up)|dry now|all dried)\b"
    # issue 11, twenty-fourth set: a cut that has healed ("jetzt ist es verheilt", "it's healed now")
    r"|(\b(ist|sind) (\w+ ){0,2}(verheilt|abgeheilt)|\b(has|have|s|is|are) (\w+ )?(healed|healed up))\b"
    r"(?!.*\b(aber|jetzt|plötzlich|but|now|suddenly)\b)"
    # issue 11, thirty-third set: a small wound already dressed ("ist schon verbunden", "it's already bandaged"), a person
    # said to be fine again ("my husband's fine again", "he's fine now")
    r"|\b(ist|sind|hab|habe|haben|wurde|wurden) (\w+ ){0,2}(schon|bereits) (\w+ )?(verbunden|verarztet|versorgt|genäht|geklebt)\b"
    r"|\b(already|s been|has been|have been) (\w+ )?(bandaged|dressed|patched up|stitched|plastered|seen to)\b"
    r"|\b(he s|she s|he is|she is|my \w+ s|my \w+ is|they re|everyone s) (\w+ )?(fine|ok|okay|alright|all right) (again|now)\b"
    r"|"
    + _DANGER_OVER
    +
    # issue 11, twenty-seventh set: a danger the caller took it for and was not ("ich dachte erst, es wär ein Rohrbruch,
    # aber es war nur die Waschmaschine", "I thought it was a burst pipe but it was only the washing machine")
    r"|\b(dachte|dachten|gedacht|glaubte|glaubten|geglaubt|thought|was sure|were sure)\b (\w+ ){0,12}"
    r"(aber|doch|but|turns out|turned out|it turned out) (es|das|it|that) (war|ist|was|is|s) (doch |aber |dann |actually )?"
    r"(nur|bloß|lediglich|just|only)\b"
))
# issue 11, thirty-seventh set: someone came and found nothing ("die Stadtwerke waren schon da und alles is in Ordnung",
# "the gas board came and it was nothing", "die Feuerwehr war da, war nix"): its "nothing" is the all-clear, no denial of
# it, so it is kept apart from RESOLVED, whose words a "nicht" inside them denies
CHECKED_NOTHING = re.compile(fold_pattern(
    r"\b(waren|war|kam|kamen|came|come|were|was|have been|has been|ve been|s been)\b (\w+ ){0,4}(und|aber|and|but)"
    r" (\w+ ){0,2}(alles (ist |is |war |wär )?"
    r"(in ordnung|gut|ok|okay|sicher)|(es |des |das )?war (nichts|nix|nüt|nothing)|(sie |die |er )?(haben|hat|ham) (nichts|nix)"
    r" gefunden|(it|that) (was|turned out to be) (nothing|fine|a false alarm)|(they |he |she )?found nothing|(there was )?nothing"
    r" (was )?(wrong|there)|all clear|everything (was|is|s) (fine|ok|okay|safe))\b(?! but| als| anderes| else)"
    # coord20: a danger someone only thought there was, said to be nothing ("meine Oma dachte, es brennt, es ist aber
    # nichts los", "he thought he smelled gas but it turned out to be nothing", "war aber falscher Alarm")
    r"|\b(dachte|dachten|gedacht|glaubte|glaubten|geglaubt|thought|was sure|were sure)\b (\w+ ){0,12}"
    r"((aber|doch|but|turns out|turned out|it turned out) )?((es|das|it|that|there) )?"
    r"(war|ist|was|is|s|turned out to be|turns out to be) (aber |doch |dann |actually |really |eigentlich )?"
    r"(nichts|nix|nothing|(ein )?(falscher alarm|fehlalarm)|a false alarm)\b(?! (als|anderes|else|but|aber))"
))
CONTAINED = re.compile(fold_pattern(
    r"\b(haupt)?(wasser)?(hahn|ventil|absperrhahn|haupthahn) (\w+ ){0,3}(zugedreht|zu gedreht|abgedreht|geschlossen|zu\b)"
    r"|\bwasser (\w+ ){0,2}(abgestellt|abgedreht)|\b(zugedreht|abgedreht|abgestellt)\b"
    r"|\b(turned|shut|switched) (off )?(the )?(main|water|valve|stopcock|supply)( off)?|\bclosed the (\w+ )?valve"
    r"|\bshut off the water|\bturned the water off|\bwater off at the main|\b(turned|shut) it off"
    r"|\b(hab|habe) (\w+ )?(zugemacht|zugedreht|abgedreht)|\bventil (\w+ )?zugemacht"
    r"|\bmopped (it )?up|\b(hab|habe) (\w+ ){0,2}aufgewischt"
))
STILL_ACTIVE = re.compile(fold_pattern(
    # ... not of a paper or a wish: "die Versicherung will immer noch den Bericht"
    r"(?<!will )(?<!wollen )(?<!wartet )(?<!warten )(?<!braucht )(?<!brauchen )(?<!möchte )(?<!fehlt )(?<!fehlen )"
    # issue 11, thirty-seventh set: "können Sie trotzdem mal schauen": a request made anyway, not a danger going on
    r"(?<!können sie )(?<!könnten sie )(?<!könnt ihr )(?<!kann jemand )(?<!kann einer )"
    r"\b(immer noch|noch immer|trotzdem|weiterhin|hört nicht auf|keeps|won t stop|doesn t stop|not stopping)\b"
    # ... nor of a record: "steht das immer noch im Führungszeugnis" (issue 11, twenty-fifth set)
    r"(?! (\w+ ){0,3}(führungszeugnis|strafregister|bundeszentralregister|register|akte|eintrag|vorstrafenregister))"
    # issue 11, twenty-eighth set: a thief still not caught is at large, not at the door ("der Einbrecher ist immer noch
    # nicht gefasst"); the break-in itself stays as old as the caller says
    r"(?! (\w+ )?nicht (gefasst|gefunden|geschnappt|erwischt|ermittelt|festgenommen|gefangen)\b| auf freiem fu(ß|ss)\b)"
    # "still" of the situation, not of a paper or a wish: "the insurer still wants your report", "will it still show"
    r"|(?<!case is )(?<!case s )(?<!proceedings are )(?<!trial is )(?<!claim is )(?<!can i )(?<!could i )(?<!can we )(?<!will that )(?<!will it )(?<!is it )(?<!do i )(?<!does it )\bstill\b(?! (want|wants|wanted|need|needs|needed|waiting|wait|have|has|had|haven t|hasn t|show|shows|owe|owes|got"
    r"|looking|pay|valid|under|open|on file|available|on the|count|counts|apply|applies|remember|be"
    # issue 11, twenty-fifth set: a record that still shows an old matter ("is it still on his record")
    r"|on (his|her|my|their|your|the) (criminal )?(record|file|files|register|dbs)|show up|shows up|recorded"
    # issue 11, twenty-eighth set: "the burglar is still not caught", "still at large"
    r"|not (been )?(caught|found|arrested|identified|traced)|at large|on the loose))"
    # issue 11, twenty-fourth set: ... nor of proceedings ("das Verfahren läuft noch", "the case is still ongoing")
    r"|(?<!verfahren )(?<!prozess )(?<!vertrag )(?<!antrag )(?<!klage )\b(läuft|kommt|tropft) (\w+ )?(noch|weiter)\b|\b(aber|but|doch) (?!(\w+ )?(repariert|behoben|erledigt|fixed|repaired|sorted)\b)(\w+ ){0,2}(jetzt|now|gerade|grad|plötzlich"
    r"|suddenly|actually)\b|\bright now\b|\bgerade eben\b|\bim moment\b|\bat the moment\b"
))
# "Was würde ein Notdiensteinsatz bei einem Rohrbruch kosten?", "if the alarm goes off, how fast are you?"
HYPOTHETICAL_BEFORE = re.compile(fold_pattern(
    r"\b(wenn|falls|if|in case|whether|ob|im falle|gegen|against|schulung|training|versicherung gegen)\b"
    # issue 11, twenty-sixth set: "wir sind heute länger im Büro, nicht dass der Alarm losgeht", "to avoid the alarm
    # going off": what the caller wants to prevent, not what is happening
    r"|\bnicht dass\b|\bum (\w+ ){0,2}zu (verhindern|vermeiden)\b|\blest\b|\bto (prevent|avoid)\b"
    # issue 11, twenty-fifth set: the topic of a programme or an article ("watched a documentary about carbon monoxide",
    # "eine Doku über Kohlenmonoxid gesehen"), just before the hazard
    r"|\b(documentary|documentaries|programme|program|article|podcast|feature|doku|dokumentation|reportage|sendung"
    r"|artikel|beitrag) (about|on|über|zu|zum|zur)\b"
    # issue 11, twenty-ninth set: practised on a course ("da übt man auch Wiederbelebung", "we practise CPR"); a plan for
    # it ("einen Notfallplan für Ransomware", "a plan for a fire")
    r"|\b(übt|üben|geübt|lernt|lernen|gelernt|practi[sc]e|practi[sc]es|practi[sc]ing|practi[sc]ed|learn|learning)\b"
    r"|\b\w*plan (für|gegen|for|against)\b"
))
# ... or said as the thing the plan, the policy or the training is for: "a ransomware plan", "Ransomware-Notfallplan"
PLAN_AFTER = re.compile(fold_pattern(
    r"^(\w+ )?(plan|plans|policy|policies|strategy|playbook|response plan|notfallplan|\w*konzept|vorsorge|schulung"
    r"|training|versicherung|insurance)\b"
))
# issue 11, twenty-eighth set: an exercise or a test announced ("this is just a drill, we're testing the fire alarm",
# "morgen ist Probealarm"); "this is not a drill" is denied where it is found (`_denied`)
DRILL = re.compile(fold_pattern(
    r"\b(fire |evacuation |lockdown |emergency )?drill\b|\b(testing|test) (the |our )?(fire |smoke |intruder |burglar )?alarm"
    r"|\balarm test\b|\b\w*übung\b|\bprobealarm\b|\b(testen|prüfen) (\w+ ){0,3}(den |die |das )?\w*(alarm|melder|meldeanlage)\w*\b"
))
# issue 11, thirtieth set: ... nor where the caller turns from the drill or the question to a real one ("wir wollten eine
# Brandschutzübung machen, aber jetzt brennt es wirklich", "we were meant to be doing a fire drill but there's a real fire")
DRILL_TURNED_REAL = re.compile(fold_pattern(
    r"\b(aber|but|doch|jetzt|now|only)\b (\w+ ){0,6}(wirklich|echt|tatsächlich|real|really|actually|for real)\b"
    r"|\b(kein|keine|not a|not an|no|isn t a|is not a|ist kein|ist keine) (test|übung|drill|exercise)\b"
))
# ... but "gegen" after a blow is where it lands, not what one protects against: "schlägt gegen meine Tür, er hat ein
# Messer", "banging against the door" (issue 11, twenty-second set)
STRUCK_AGAINST = re.compile(fold_pattern(
    r"\b(schlägt|schlagen|hämmert|hämmern|tritt|treten|trommelt|bollert|wummert|klopft|klopfen|haut|hauen|drückt|wirft"
    r"|banging|bangs|hammering|hammers|kicking|kicks|pounding|pounds|hitting|hits|throwing|slamming|pushing|leaning)"
    r" (\w+ )?(gegen|against)\b"
    # issue 11, twenty-fourth set: "allergisch gegen Wespen, ihr Notfallpen ist abgelaufen": what she reacts to, not a
    # question about protection
    r"|\b(allergisch|allergie|allergien|allergic|allergy|allergies) (\w+ )?(gegen|against)\b"
))
# a medicine that has run out, said as done (not "if my insulin runs out")
RUN_OUT = re.compile(fold_pattern(
    r"\b(sind|ist) (\w+ ){0,2}(alle|leer|aufgebraucht|abgelaufen)\b|\bkeine?s? (\w+ ){0,2}mehr\b|\b(hab|habe|hat) (\w+ )?keine?s?\b"
    r"|\b(has|have|s|had) (\w+ )?(run out|expired|gone)\b|\bran out\b|\b(is|s|are) (\w+ )?(empty|out of date)\b|\bnone left\b"
))
# issue 11, twenty-fourth set: "wenn die Polizei bei uns mal eine Durchsuchung machen würde": German says the condition's
# verb after the hazard, out of reach of the four words before it
# ... in the same clause: "wenn" with no conjunction between it and the hazard, and a subjunctive verb right after the
# hazard ("… würde"); "wenn Sie kommen könnten, das Wasser läuft, ich wäre dankbar" is no condition of the hazard
CONDITION_BEFORE = re.compile(fold_pattern(
    r"\b(wenn|falls)\b(?!.*\b(und|aber|oder|weil|denn|dass|doch|jetzt|gerade|grad)\b)(\s\w+){0,7}$"
))
CONDITION_AFTER = re.compile(fold_pattern(r"^(\w+ ){0,2}(machen |geben )?(würde|würden|sollte|sollten)\b"))
# issue 11, thirty-fourth set: "wenn ich die Dusche anfasse, dann kribbelt das", "wenn ich den Hahn aufdreh, kommt gar
# nix": whenever the caller does it, it happens; a habit told in the present, not a what-if
HABITUAL_WHEN = re.compile(fold_pattern(r"\b(wenn|immer wenn|jedes mal wenn|sobald) (ich|man|mer|wir)$"))
HABITUAL_DEED = re.compile(fold_pattern(
    r"\b(anfasse|anfass|anfassen|anfasst|berühre|berühr|berühren|berührt|aufdrehe|aufdreh|aufdrehen|aufdreht|anmache"
    r"|anmach|anmachen|anmacht|einschalte|einschalt|einschalten|einschaltet|anschalte|anschalt|anschalten|anschaltet"
    r"|aufmache|aufmach|aufmachen|aufmacht)\b (dann |da )?(\w+ )?\w+"
))
# ... and "bei einem (größeren) Rohrbruch", "in a fire": only right before the hazard, as its article; in
# "hat bei einem Sturz einen Oberschenkelhalsbruch erlitten" it belongs to the fall, which happened
HYPOTHETICAL_ARTICLE = re.compile(fold_pattern(r"\b(bei einem|bei einer|for a|für einen|für eine|in a|in an)\b"))
# issue 11, nineteenth set: "bei Gasgeruch sofort raus", "in the event of fire": the hazard as a case in a rule of
# conduct; only as the word right before it ("bei uns brennt es" has "uns" between)
HYPOTHETICAL_CASE = re.compile(fold_pattern(r"\b(bei|in the event of|in case of)( (a|an|the))?$"))
# ... nor in "das sind doch Anzeichen für einen Schlaganfall": signs the caller sees are of a stroke happening
SIGNS_BEFORE = re.compile(fold_pattern(r"\b(anzeichen|zeichen|symptome|warnzeichen|signs?|symptoms?) (für|for) (einen|eine|a)$"))
JUST_ASKING = re.compile(fold_pattern(
    # issue 11, twenty-first set: what the signs are, asked in general ("was sind die Anzeichen für einen Schlaganfall")
    r"\b(was|welche) sind (\w+ ){0,2}(anzeichen|symptome|warnzeichen)\b|\bworan erkennt man\b"
    r"|\bwhat are (\w+ ){0,2}(signs|symptoms|warning signs)\b|\bhow (do|can) (you|one|i) (recognise|recognize|spot) (a|an|the)\b|"
    r"\bnur (mal )?(so |allgemein )?gefragt|\ballgemein gefragt|\ballgemeine frage|\bjust (asking|curious)|\basking for a friend|\brein theoretisch|\btheoretically"
    # issue 11, twenty-fifth set: whether it can happen to anyone ("is it true you can get a shock from a wet socket",
    # "stimmt es, dass man ..."): a general question, nothing happening
    r"|\bis it true (that )?(you|one|people|a person|anyone) (can|could|might) (get|catch|die|be|have|suffer)\b"
    r"|\b(stimmt es|ist es wahr|ist es richtig),? dass man\b"
    r"|\bgeneral question|\bhypothetisch|\bhypothetically|\bwas passiert (eigentlich )?wenn|\bwhat happens if"
    r"|\b(schulung|training|seminar|awareness|präventi\w*|prevention|schutz vor|protection against)\b"
    # "Beratung zum Einbruchschutz", "burglary protection": keeping it from happening
    r"|\b\w*(einbruch|einbruchs|brand|feuer|diebstahl)(schutz|sicherung|prävention)\w*|\beinbruchsicher\w*"
    r"|\b(burglary|break in|fire|theft|intruder|flood) (protection|proofing|safety advice|prevention)\b"
    # "ich schreibe einen Krimi", "a school project on firefighters": research, nothing is happening
    r"|\b(schreibe|schreib|schreiben|writing|write) (\w+ ){0,3}(krimi|roman|novel|book|buch|story|geschichte|drehbuch"
    r"|screenplay|article|artikel|hausarbeit|essay)\b|\b(school|schul) ?(project|projekt|referat)\b|\breferat\b"
    r"|\bvortrag (über|zu|zum|zur)\b|\bproject (on|about)\b"
    r"|\b(a|an|our|the) workshop (on|about|for)\b|\bworkshop (zum|zur|über|zu)\b"
    r"|\b(if|say|suppose|supposing|angenommen|falls|wenn) (\w+ ){0,4}(ever|jemals|irgendwann mal)\b"
    # a title, not a situation: "a creative work called Fire in the Hole", "ein Lied namens ..."
    r"|\b(film|movie|song|album|book|soundtrack|series|show|work|kunstwerk|arbeit|lied|buch|spiel|game|playlist|track)"
    r" (called|named|namens|titled|mitn titl|mit dem titel)\b"
    r"|\b(so|damit) (\w+ ){0,5}(doesn t|don t|nicht|nie) (happen|passiert)|\bvorbeug\w*|\bprotect (us|ourselves)"
    r"|\bhow does (it|this|that|the \w+) (actually |usually |normally )?work\b|\bwie läuft (das|es) (\w+ )?ab\b"
    r"|\bwie funktioniert (das|es) (eigentlich|normalerweise|denn)\b"
    r"|\bvorsorgen\b|\b(be|being|get) prepared\b|\bvorbereitet sein\b"
    # issue 11, twenty-seventh set: "nur damit ich das weiß", "just so I know": asked ahead of time
    r"|\b(nur )?damit ich (das |es |bescheid )?(weiß|weiss)\b|\bjust so (i|we) know\b|\bfor future reference\b"
    # issue 11, thirtieth set: what happened to someone else, asked about the caller's own ("kann das bei uns auch
    # passieren", "could that happen to us too"; "my neighbour's sister had a burst pipe, how do I find my stopcock
    # just in case")
    r"|\b(kann|könnte|koennte) (das|so was|sowas|so etwas|uns das|mir das) (\w+ ){0,3}auch (\w+ ){0,2}passieren\b"
    r"|\bcould (that|this|the same( thing)?|something like that|it) (\w+ ){0,2}happen (to us |to me |here |at ours )?"
    r"(too|as well)\b|\bcould (that|this|the same( thing)?|something like that) happen to (us|me)\b"
    r"|^(?=.*\b(neighbour|neighbours|sister|brother|friend|friends|mum|mother|dad|father|parents|colleague|cousin|aunt"
    r"|uncle)( s)? (\w+ ){0,4}had (a|an)\b).*\bjust in case\b"
    r"|^(?=.*\bbei (der|dem|meiner|meinem|meinen|unserer|unserem) (\w+ ){0,3}(schwester|bruder|nachbar\w*|freund\w*"
    r"|eltern|mutter|vater|kollege\w*|kollegin|tante|onkel)\b).*\b(für alle fälle|vorsichtshalber|sicherheitshalber)\b"
))
# ... and "wenn mein Kind mal eine Knopfbatterie verschluckt", "if he ever swallows": the condition's "mal" right before
# the hazard (a "mal" further back is a request: "wenn Sie mal schnell kommen könnten, das Kind hat …")
CONDITION_EVER_BEFORE = re.compile(fold_pattern(
    r"\b(wenn|falls|if)\b (\w+ ){0,3}(mal|jemals|irgendwann|ever)(\s\w+){0,2}$"
))
LOW_STAKES = re.compile(fold_pattern(
    r"\bnichts (schlimmes|dramatisches|wildes)|\bnicht (so )?(schlimm|dringend|eilig)|\bkein notfall|\bkeine eile"
    r"|\bnothing serious|\bnot (an )?(urgent|emergency|serious)|\bno emergency|\bnon ?emergency|\bnicht ?notfall|\bno rush|\bseit (monaten|wochen|jahren)"
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
# today as the time an order is picked up: "Nasenspray für mein Kind, zum Abholen heute Nachmittag", "to pick up this
# afternoon" (issue 11, twenty-first set); when to come for it, not how urgent it is
PICKUP_TODAY = re.compile(fold_pattern(
    r"\b(abholen|abholung|abhole|pick (\w+ )?up|pickup|collect|collection)\b (\w+ ){0,2}"
    r"(heute|today|this (afternoon|evening|morning)|tonight)\b"
    r"|\b(heute (\w+ )?|today |this (afternoon|evening|morning) |tonight )(\w+ ){0,2}(zum |zur )?(abholen|abholung|abhole|hole \w+ ab"
    r"|to pick (\w+ )?up|for (pickup|collection)|to collect)\b"
))
# the other services still work: one thing down for everyone is urgent, not a total outage
REST_WORKS = re.compile(fold_pattern(
    r"\bsonst (läuft|geht|funktioniert) alles|\beverything else (is fine|works|is working)|\b(cold|kalt\w*) (is fine|geht)"
    # coord18: "die Therme ist ausgefallen, nur das Warmwasser, die Heizung läuft", "the heating is still working";
    # never "die Heizung geht seit vorgestern nicht" (a "nicht" within three words)
    r"|\b(heating|heizung) (still )?(is fine|works|geht|läuft|funktioniert|is working|is still working|still works|is on)\b"
    r"(?! (\w+ ){0,3}(nicht|nimmer|kaum|not|no longer|properly)\b)"
))
# an alarm set off by the caller themselves
FALSE_ALARM = re.compile(fold_pattern(
    r"\bfehlalarm|\baus versehen|\bversehentlich|\bselbst ausgelöst|\bfalse alarm|\bby (mistake|accident)|\baccidentally"
    # "es war nur der Hausmeister", "it was just the cleaner": someone who belongs there set it off
    r"|\bblinder alarm|\b(es )?war (doch |aber |wohl )?(nur|bloß) (der|die|das|unser|unsere|ein|eine|mein|meine) \w+"
    r"|\b(it|that) was (just|only) (the|our|a|my) \w+"
))
# a smoke alarm set off by cooking: "mir ist der Toast verbrannt und jetzt piept der Rauchmelder"
COOKING = re.compile(fold_pattern(
    r"\b(toast|toaster|angebrannt\w*|pizza|gebraten|beim (kochen|braten|backen|duschen)|pfanne|dampf vom|wasserdampf"
    r"|(burnt|burned|burning) (the |my |some )?(toast|food|dinner|pan|bacon|pizza|chips|sausages|popcorn)"
    r"|(while|when) (i was |we were )?(cooking|frying|baking|showering)|steam from the (shower|kettle|bath))\b"
    # issue 11, twenty-first set: set off each time someone cooks ("geht jedes Mal los, wenn ich koche", "keeps going off
    # when I cook"): a detector too near the kitchen, not a fire
    r"|\b(wenn|sobald|sowie) (ich|wir|man|jemand|er|sie) (\w+ ){0,2}(koche|kochen|kocht|brate|braten|brät|backe|backen|bäckt"
    r"|dusche|duschen|duscht|toaste|toasten)\b"
    r"|\b(when|whenever|every time|each time|anytime) (i|we|you|someone|anyone|he|she) (\w+ ){0,2}(cook|cooks|fry|fries"
    r"|bake|bakes|shower|showers|make toast|makes toast|use the (oven|toaster|hob|grill))\b"
))
# a detector's low-battery chirp: "der CO-Melder zirpt alle paar Minuten", "it gives a short chirp once a minute",
# "piept einmal die Minute, steht low bat" (issue 11, nineteenth and twenty-first sets)
CHIRP = re.compile(fold_pattern(
    r"\b(zirp\w*|chirp\w*)\b|\b(batterie\w*|akku\w*|battery|batteries)\b|\blow ?bat\w*|\bbatteriewechsel\b"
    r"|\b(einmal|1 mal|kurz) (pro|die|in der|jede) minute\b|\b(once|one beep) (a|per|every) minute\b"
    r"|\b(piept|piepst|piepsen|piepen|beeps?|beeping|bleeps?|bleeping)\b (\w+ ){0,4}(alle|jede|jeder|einmal|ein mal|once|every)"
    r" (\w+ ){0,2}(minuten|minute|sekunden|stunde|minutes|seconds|hour)\b"
))
# ... which is an alarm after all when the caller names its tone or anyone feels what CO does
ALARM_TONE = re.compile(fold_pattern(
    r"\b(dauerton|dauerpiep\w*|durchgehend|ununterbrochen|laut\w*|alarmton|sirene|schrill\w*|heult|geht los|ging los"
    r"|losgegangen|schlägt an|continuous\w*|constant\w*|non ?stop|loud\w*|siren|screaming|blaring|wailing|going off"
    r"|went off|goes off|sounding)\b"
))
CO_SYMPTOMS = re.compile(fold_pattern(
    r"\b(kopfschmerz\w*|kopfweh|schwindel\w*|schwindlig|übel|schlecht|benommen|müde|schläfrig|erbrech\w*|bewusstlos"
    r"|ohnmächtig|umgekippt|headaches?|dizzy|sick|nause\w*|drowsy|sleepy|tired|faint\w*|vomit\w*|throwing up|confused"
    r"|unconscious|collapsed|light headed)\b"
))
ALARM_WORDS = re.compile(fold_pattern(r"\b\w*(alarm|melder)\w*\b|\bdetector\b|\bsmoke alarm"))
# a fire that is meant to burn and burns too little: "das Feuer im Kamin geht immer aus", "the wood burner won't light"
_STOVE = (
    r"\b(kamin|ofen|kachelofen|holzofen|schwedenofen|kaminofen|feuerschale|grill|lagerfeuer|wood ?burner|fireplace"
    r"|log burner|stove|fire ?pit|bbq|barbecue|campfire|bonfire)\w*\b"
)
_TOO_LITTLE = (
    r"\b(geht (?!nicht)(\w+ ){0,3}aus|ausgeht|going out|goes out|went out|won t (light|stay lit|catch|draw|stay)"
    r"|(geht|brennt) (\w+ )?(nicht|schlecht) an|zieht nicht|doesn t draw|anzünden|anmachen|to light|lighting it)\b"
)
HEARTH = re.compile(fold_pattern(rf"{_STOVE}.*{_TOO_LITTLE}|{_TOO_LITTLE}.*{_STOVE}"))
# work on a security system, not a break-in: "the burglar alarm needs a new battery", "Einbruchmeldeanlage warten"
MAINTENANCE = re.compile(fold_pattern(
    r"\b(batterie\w*|akku\w*|wartung\w*|nachrüst\w*|einbauen|installier\w*|montier\w*|austausch\w*|tauschen"
    r"|battery|batteries|maintenance|servicing|install\w*|fitted|upgrade|replac\w*|angebot|quote|beratung\w*|consultation)\b"
))
# issue 11, nineteenth set: a dead old device to be got rid of ("der alte Server ist tot, den wollen wir entsorgen"):
# no outage, a job
DISPOSAL = re.compile(fold_pattern(
    r"\b(entsorg\w*|verschrott\w*|wegwerfen|wegschmeißen|recycl\w*|dispos(e|ed|al) of|get rid of|scrap (it|them)"
    r"|abholen lassen|collect(ed)? for recycling)\b"
))
# issue 11, twenty-eighth set: a medicine nearly gone with days or weeks of it left ("nearly empty, I have maybe one week
# left", "es reicht noch etwa eine Woche"): an order, not a medicine that runs out today
SUPPLIES_LEFT = re.compile(fold_pattern(
    r"\b(one|two|three|four|five|six|a|\d+|a few|a couple of) (more )?(weeks?|days|months?) (\w+ )?(left|to go|of (it|them) left)\b"
    r"|\b(enough|left) for (another |the next )?(one|two|three|a|\d+|a few|a couple of) (more )?(weeks?|days|months?)\b"
    r"|\b(reicht|reichen) (\w+ ){0,2}noch (\w+ )?(eine|einen|zwei|drei|vier|fünf|\d+|ein paar|einige) (woche|wochen|tage|monat|monate)\b"
    r"|\bnoch für (\w+ )?(eine|einen|zwei|drei|vier|fünf|\d+|ein paar|einige) (woche|wochen|tage|monat|monate)\b"
    # issue 11, twenty-ninth set: ... or spare ones at hand ("ich hab noch zwei Pens bei meiner Mutter", "ich hab aber noch
    # ein zweites Spray im Auto", "I've got two more pens at my mum's", "a spare inhaler"); denied where it is found
    r"|\b(hab|habe|haben) (\w+ ){0,2}noch (ein|eine|einen|zwei|drei|vier|\d+|ein paar|einige) (\w+ )?(pen|pens|packung"
    r"|packungen|ampulle|ampullen|spray|sprays|inhalator|inhalatoren|fertigspritze\w*|notfallpen\w*|fläschchen)\b"
    r"|\b(i ve got|i have|i got|we ve got|we have) (\w+ ){0,2}(two|three|four|\d+|a few|some|one) (more|spare|extra) (\w+ )?"
    r"(pens?|packs?|boxes|vials?|inhalers?|sprays?|epipens?|auto ?injectors?)\b"
    r"|\b(a|another) (spare|backup) (\w+ )?(pen|inhaler|spray|epipen|auto ?injector)\b"
))
# "nur Spaß", "just kidding": whatever was said before was not meant
JOKE = re.compile(fold_pattern(
    r"\b(nur spaß|war (nur )?(ein )?(spaß|witz)|quatsch|just kidding|only joking)\b"
    # issue 11, nineteenth set: "it's a joke", "for a dare", "ist nur ein Scherz", "eine Mutprobe"
    r"|\b(it s|it is|its|it was|that was|that s) (just |only )?a (joke|prank|dare)\b|\b(dared|dare) me\b|\bfor a dare\b"
    r"|\b(ist|war|das ist|das war) (doch )?(nur |bloß )?(ein |n )?(scherz|witz|streich)\b|\bmutprobe\b|\bals (scherz|witz)\b"
))
SUMMER = re.compile(fold_pattern(
    r"\bsommer\b|\bsummer\b|\bwarm draußen|\bwarm outside|\b(juni|juli|august|june|july)\b|\bhochsommer|\bhitze"
    r"|\berst (wieder )?im herbst|\b(until|not until) (the )?autumn"
    # issue 11, fifteenth set: "es ist ja noch mild draußen", "it's mild outside": no cold to suffer from
    r"|\bmild (draußen|outside|out)\b|\b(draußen|outside) (\w+ ){0,3}mild\b|\b(ist|it s|its|it is) (\w+ ){0,3}mild\b"
    r"|\bnicht (so )?kalt draußen|\bnot (that |very )?cold (outside|out)\b"
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

# A heating failure limited to one room ("die Heizung im Bad geht nicht, sonst ist alles warm", "the heating isn't
# working in the bathroom, the rest of the flat is warm"): a repair, not the total loss in the cold that is P1. The
# rest said to be warm, "nur"/"only" before a room, or one room named right beside the heating's words; not when a
# second room, the whole flat or everywhere is named as well.
# (not the cellar, the loft or a boiler: where the heating itself stands, "die Heizung im Keller ist ausgefallen" is
# all of it)
_ROOM = (
    r"(bad|badezimmer|schlafzimmer|kinderzimmer|wohnzimmer|arbeitszimmer|gästezimmer|esszimmer|küche|flur"
    r"|büro|bathroom|bedroom|kids room|children s room|nursery|living room|lounge|kitchen|hall|hallway"
    r"|study|spare room|office|conservatory)"
)
_IN_ROOM = rf"(im|in der|in unserem|in meinem|in the|in our|in my) {_ROOM}\b"
# "die Heizung geht nicht, im Kinderzimmer ist es eiskalt": the room says how cold the flat is, not where it fails
_COLD_THERE = r"(ist es|sind es|hat es|hat man|it s|its|it is|is|we ve got|we have|there s) (\w+ ){0,3}(eiskalt|kalt|frostig|\d+ grad|freezing|cold|\d+ degrees)"
ONE_ROOM = re.compile(fold_pattern(
    r"\b(sonst|ansonsten|der rest|überall sonst|die anderen (räume|zimmer|heizkörper)|alle anderen (räume|zimmer|heizkörper))"
    r" (\w+ ){0,4}(warm|geht|gehen|funktioniert|funktionieren|läuft|laufen)\b(?! nicht)"
    r"|\b(the rest|everywhere else|everything else|the other (rooms|radiators)|all the other (rooms|radiators))"
    r" (\w+ ){0,4}(is|are|s|re) (still )?(warm|fine|working|ok|okay|toasty)\b"
    rf"|\b(nur|bloß|only|just) (\w+ )?{_IN_ROOM}"
    rf"|\b(heizung|heizkörper|heating|radiator|radiators)\b (\w+ ){{0,5}}{_IN_ROOM}(?! {_COLD_THERE})"
    rf"|\b{_IN_ROOM} (\w+ ){{0,3}}(die |der )?(heizung|heizkörper|heating|radiator)"
))
_MORE_ROOMS = re.compile(fold_pattern(
    rf"{_IN_ROOM} (\w+ ){{0,6}}(und|and|or|oder|auch|too|as well)\b (\w+ ){{0,2}}{_ROOM}\b"
    rf"|{_ROOM} (und|and|oder|or) (\w+ ){{0,2}}{_ROOM}\b"
    r"|\b(ganze|gesamte|überall|whole|entire|everywhere|all (the )?rooms|alle (räume|zimmer))\b(?! (sonst|else))"
    r"|\b(komplett|total|völlig|completely|totally|entirely)\b"
))


# issue 11, twenty-seventh set: a game, a film or a crime drama whose plot follows ("ein Spiel, wo alle erschossen werden",
# "einen Krimi gesehen, wo eingebrochen wurde", "a game where everyone gets shot")
_STORY_WHERE = (
    r"\b(spiel|spiele|computerspiel|videospiel|ballerspiel|handyspiel|game|games|video ?game|computer game|krimi|film"
    r"|kinofilm|movie|serie|series|show|thriller|folge|episode|buch|roman|book|novel) (gesehen |geguckt |angeschaut "
    r"|gespielt |gelesen |watched |saw |seen |played |read )?(wo|where|in dem|in der|in which)\b"
    # issue 11, thirty-third set: a book or a crime novel being read, its plot told after "da" ("ich les gerade einen
    # Krimi, da verblutet einer im Keller")
    r"|\b(les|lese|lesen|liest|hör|höre|guck|gucke|schau|schaue) (\w+ )?(gerade |grad )?(einen|ein|den|das|eine|die) "
    r"(krimi|thriller|roman|buch|hörbuch|film|serie)\b,? da\b"
)
# issue 11, thirty-first set: a plot told as "a book where …" runs on past "und"/"and" ("ein Buch, wo die Frau alles
# verliert und am Ende nicht mehr leben will"), unless the caller turns to themselves or to now ("… und ich auch")
_STORY_WHERE_RE = re.compile(fold_pattern(_STORY_WHERE))
_JOIN_TO_SELF = re.compile(fold_pattern(r"\b(und|aber|and|but) (ich|i|mir|me|mich|my|mein\w*|wir|we|jetzt|now)\b"))
# a story on screen or in a book, not the caller's life: "in the series she jumps off the bridge at the end", "we
# watched a film where he kills his wife", "im Film springt sie am Ende von der Brücke". The plot's words sit beside
# real self-harm and violence in the encoder, so the model alone must not make them an emergency or acute distress;
# a hazard rule still hears a real one said beside it (issue 11, twenty-second and twenty-third sets), unless the
# hazard is the plot of a story named as such (`STORY`, `Found.on_screen_for`, twenty-fourth set)
ON_SCREEN = re.compile(
    fold_pattern(
        r"\b(in|on) (the|that|this|a) (film|movie|series|episode|novel|soap|tv show|documentary)\b"
        r"|\bon (tv|telly|the telly|netflix)\b"
        r"|\b(watched|watching|saw|seen) (a|the|that|this) (film|movie|series|show|documentary|episode)\b"
        r"|\b(im|in dem|in einem) (film|fernsehen|krimi|roman|tatort)\b|\bin der (serie|folge|sendung|doku)\b"
        r"|\b(film|serie|krimi|doku|folge) (\w+ ){0,2}(gesehen|geguckt|angeschaut)\b"
        # "im Tatort gestern hat der Mörder die Frau erwürgt", "in the book he ..." (twenty-second set)
        r"|\b(im|in dem|in der|in einem|in einer) (kinofilm|serie|folge|buch|theaterstück|hörspiel|podcast)\b"
        r"|\b(in|on) (the|a|that|this) (show|book|play|podcast)\b"
        # issue 11, twenty-fourth set: a crime drama by its genre ("in the crime drama last night", "im Thriller")
        r"|\b(in|on) (the|a|that|this) (crime drama|drama|thriller|detective show|cop show|crime series|soap opera)\b"
        r"|\b(im|in dem|in einem) (thriller|polizeiruf|fernsehkrimi|sonntagskrimi)\b"
        r"|" + _STORY_WHERE
    )
)
# the plot's hazard follows the story's words within a clause
_STORY_REACH = 8
_CLAUSE_JOIN = re.compile(r"\b(und|aber|and|but)\b")
# ... and only a story by its name: not a screen in the room ("water dripping on the telly"), "in der Folge" (as a
# result) or "in the play area"
STORY = re.compile(fold_pattern(
    r"\b(im|in dem|in einem|in der|in einer) (film|kinofilm|krimi|tatort|thriller|fernsehkrimi|sonntagskrimi|polizeiruf"
    r"|roman|serie|soap)\b(?! von)"
    r"|\b(in|on) (the|a|that|this) (film|movie|crime drama|thriller|detective show|cop show|crime series|soap opera"
    r"|novel|episode|series|drama|tv drama|period drama)\b(?! of)"
    r"|" + _STORY_WHERE +
    # issue 11, twenty-eighth set: a game or a TV series, a film "where" something happens
    r"|\b(in|on) (the|a|that|this|my|his|her|their) (\w+ )?(game|video game|computer game|tv series|tv show|tv drama)\b"
    r"|\b(watching|watched|watch) (a|the|that|this) (film|movie|series|show|cartoon) (where|in which|about)\b"
    r"|\b(im|in dem|in einem) (\w+ )?(spiel|videospiel|computerspiel|game)\b|\bin der (fernsehserie|tv serie)\b"
    r"|\b(guckt|gucken|schaut|schauen|sieht|sehen) (\w+ )?(einen|den|eine|die) (film|serie|krimi|zeichentrickfilm),? (wo|in dem|in der)\b"
    # issue 11, twenty-ninth set: the news ("on the news that a gas leak destroyed a house", "in den Nachrichten kam, dass")
    r"|\b(in|on) the (news|radio|paper|papers|newspaper)\b|\b(im|in den|in der) (radio|nachrichten|zeitung|tagesschau)\b"
    # issue 11, thirty-third set: a film being made, a scene or a script ("we're shooting a film and in one scene …", "wir
    # drehen einen Film, in einer Szene …")
    r"|\b(in|on) (the|a|that|this|one|our|my) (scene|script|screenplay|sketch)\b|\b(im|in dem|in einer|in der|in unserer"
    r"|in unserem) (szene|drehbuch|sketch)\b"
    r"|\b(shooting|filming|making|writing|rehearsing) (a|our|my|the) (film|movie|short film|play|series|script|scene|sketch)\b"
    r"|\b(drehen|dreh|drehe|schreiben|schreibe|proben|probe) (\w+ )?(einen|ein|unseren|unser|den|das) (film|kurzfilm"
    r"|theaterstück|stück|drehbuch|sketch|hörspiel)\b"
))
# issue 11, thirty-third set: the story named right after its plot ("someone got threatened with a knife on that series
# last night", "einer wurde mit dem Messer bedroht, in der Serie gestern")
_STORY_AFTER_REACH = 3


# issue 11, sixteenth set: "die ist jetzt wieder gut, aber was ich sagen wollte …": what ended is not what follows
TURN = re.compile(fold_pattern(r"\b(aber|but|jedoch|allerdings|however)\b"))
# "since the heating came back on", "seit die Heizung wieder an ist": when a trouble began, not that it ended
SINCE_BACK_ON = re.compile(fold_pattern(
    r"\b(since|ever since) (\w+ ){1,3}(came|come|is|went|s|has been|was|got) (switched |turned )?back on\b"
    r"|\bseit (\w+ ){1,3}wieder (an|läuft|lief|geht|brennt)\b"
))


# issue 11, twenty-seventh set: a heart attack the caller gets from a bill ("jedes Mal, wenn ich Ihre Rechnung sehe, krieg
# ich einen Herzinfarkt", "every time I see your bill I have a heart attack"): a figure of speech; the caller's own
# heart attack as a habit at the sight of a price, never someone's now
_HYPERBOLE_TRIGGER = re.compile(fold_pattern(
    r"^(?=.*\b(\w*rechnung\w*|preis\w*|kosten|nebenkosten|miete|mahnung\w*|bill|bills|price|prices|invoice\w*|quote"
    r"|costs?|rent|angebot\w*|kostenvoranschlag\w*|summe)\b).*\b(jedes mal|jedesmal|immer wenn|wenn ich|every time"
    r"|everytime|whenever|when i (see|saw|read|open|look))\b"
    # issue 11, thirtieth set: at the price itself ("bei dem Angebot krieg ich ja einen Herzinfarkt", "at that price I'll
    # have a heart attack")
    r"|\b(bei|at) (dem|diesem|der|dieser|den|diesen|so einem|so einer|solchen|that|this|those|these) (\w+ )?"
    r"(preis\w*|angebot\w*|rechnung\w*|kosten\w*|summe|price|prices|quote|bill|rate|rates|cost|costs)\b"
))
# "krieg ich nen", "ich bekomme einen": the German caller's own heart attack, both as a habit at a price and as a promise
# on a condition (one alternative, shared by the two patterns below)
_I_GET_A_DE = r"\b((krieg|kriege|bekomm|bekomme) ich|ich (krieg|kriege|bekomm|bekomme)) (\w+ ){0,2}(nen|einen|n)$"
_MY_HABIT_BEFORE = re.compile(fold_pattern(
    _I_GET_A_DE + r"|\bi (get|have|ll have|ll get|nearly have|almost have|practically have) (\w+ ){0,2}(a|an)$"
))
_HEART_WORDS = re.compile(fold_pattern(r"\b(herz ?(infarkt|anfall|kasper)|heart attack|hart attack)\b"))
# issue 11, thirty-fifth set: a heart attack a thing or a person gives the caller ("this printer is giving me a heart
# attack", "der Drucker bringt mich noch zum Herzinfarkt") or one the caller will have if something happens ("I'll have a
# heart attack if the boiler breaks again", "ich krieg nen Herzinfarkt, wenn …"): annoyance, never someone's now
_GIVEN_BEFORE = re.compile(fold_pattern(
    r"\b(is|s|are|re|keeps?|keep on|was|were|has been|have been) (\w+ )?giving (me|us) (\w+ )?(a|an)$"
    r"|\b(will|ll|going to|gonna|is going to|s going to|are going to) (\w+ )?give (me|us) (\w+ )?(a|an)$"
    r"|\b(bringt|bringen|treibt|treiben|bringst|treibst) (mich|uns) (\w+ ){0,3}(zum|zu nem|zu einem|in den|in nen|in einen)$"
))
# ... never beside the body's signs of one ("giving me a heart attack, my chest is tight", "ich krieg keine Luft")
_HEART_SIGNS = re.compile(fold_pattern(
    r"\b(chest|brust|breath\w*|breathe|atmen|atme|atmet|luft|air|arm|arms|numb|taub|dizzy|schwindel\w*|sweat\w*"
    r"|schweiß\w*|faint\w*|ohnmacht\w*|pain|pains|schmerz\w*|weh|hurts?|collaps\w*|umgekippt|zusammengebrochen)\b"
))
_IF_AFTER = re.compile(fold_pattern(r"^,? (if|when|wenn|falls) "))
_WILL_HAVE_BEFORE = re.compile(fold_pattern(
    r"\bi (will|ll|m going to|am going to|m gonna) (\w+ )?(have|get) (a|an)$|" + _I_GET_A_DE
))


# issue 11, eighth call set: a threat of death as a figure of speech at a mundane thing the caller might do or leave
# undone ("my teenage son says he'll kill me if I take his phone", "my boss will kill me if it isn't here by Monday",
# "mein Chef bringt mich um, wenn ich das wieder vergesse"); never where a weapon, a blow, fear, the police or leaving
# the person is named ("he'll kill me if I leave him", "er bringt mich um, wenn ich zur Polizei gehe"): those stay violence
KILL_IDIOM = re.compile(fold_pattern(
    r"\b(kill|murder|strangle) (me|us)\b,? (if|when|unless) (\w+ ){0,5}("
    r"(take|took|taking) (\w+ ){0,2}(phone|mobile|tablet|ipad|laptop|console|playstation|xbox|switch|controller|wifi"
    r"|internet|games?|car keys)\b"
    r"|forget|forgot|forgetting|miss|missed|lose|lost|break|broke|spill|spilled|scratch|scratched|eat|ate"
    r"|(am|m|are|re|is|s|get|turn up|show up) (\w+ )?late|(isn t|is not|aren t|are not|doesn t|does not|won t|wasn t) (\w+ )?"
    r"(here|there|ready|done|fixed|working|finished|delivered|sorted|back|in time|on time|arrive|come|work|turn up"
    r"|show up)"
    r")\b"
    r"|\b(bringt|bringen|killt|killen|erwürgt|erschlägt) (mich|uns) (\w+ )?(um\b)?,? (wenn|falls|sobald) (\w+ ){0,5}("
    r"(\w+ )?(handy|tablet|ipad|laptop|konsole|playstation|xbox|switch|wlan|internet|spiele|autoschlüssel) (\w+ )?"
    r"(wegnehme|wegnehmen|abnehme|abnehmen|weg nehme|sperre)"
    r"|vergesse|vergessen|vergess|verpasse|verpassen|verliere|verlieren|kaputt ?mache|kaputt ?machen|zu spät"
    r"|nicht (\w+ )?(rechtzeitig|pünktlich|fertig|da ist|da sind|ankommt|ankommen|läuft|laufen|geht|funktioniert"
    r"|repariert)"
    r")"
    # coord18: a bill, the wait or the noise that kills the caller ("die Rechnung bringt mich um", "this invoice is going
    # to kill me"): annoyance at a thing, no one's threat
    r"|\b(rechnung\w*|preise|kosten|warterei|warteschleife|hotline|lärm|bürokratie|papierkram) (\w+ )?(bringt|bringen)"
    r" (mich|uns) (\w+ )?um\b"
    r"|\b(bill|bills|invoice|invoices|prices|costs|wait|waiting|queue|hold music|hotline|noise|paperwork|bureaucracy)"
    r" (\w+ )?(is |are |s |re )?(going to |gonna )?(kill|killing) (me|us)\b"
))
_REAL_THREAT = re.compile(fold_pattern(
    r"\b(messer|waffe|pistole|gewehr|axt|schlägt|schlagen|geschlagen|prügelt|verprügelt|angst|bedroht|droht|polizei"
    r"|verlasse|verlassen|trenne|trennen|scheidung|anzeige|anzeigen|knife|gun|weapon|axe|hits|hitting|hit me|beat|beats"
    r"|beating|scared|afraid|terrified|frightened|threaten\w*|police|leave (him|her|them)|leaving (him|her|them)|divorce"
    r"|tell anyone|report (him|her|them))\b"
))
# issue 11, thirtieth set: money taken, as a figure of speech ("my landlord is bleeding us dry", "der Vermieter lässt uns
# ganz schön bluten"); never where a weapon, a blow or fear is named (`_REAL_THREAT`)
BLED_DRY = re.compile(fold_pattern(
    r"\bbleed\w* (me|us|you|them|him|her|people|tenants|customers|everyone|everybody|the \w+) (\w+ )?dry\b"
    r"|\b(lässt|lassen|ließ|liess|ließen) (\w+ ){1,4}bluten\b|\bbluten lassen\b"
))
_KILL_WORDS = re.compile(fold_pattern(r"\b(kill\w*|murder\w*|umbring\w*|umzubringen|bringt|bringen|killt|killen)\b"))


def _span(pattern: re.Pattern[str], folded: Folded) -> tuple[int, int] | None:
    m = pattern.search(folded.text)
    return m.span() if m else None


def _find(pattern: re.Pattern[str], folded: Folded) -> str | None:
    m = pattern.search(folded.text)
    return folded.words_at(m.start(), m.end()) if m else None


def _unless_corrected(pattern: re.Pattern[str], folded: Folded) -> str | None:
    """The pattern's words, unless the caller takes them back after saying them ("nichts Wildes – nein, Moment, jetzt
    spritzt es", "not an emergency, well actually maybe it is"; issue 11, fortieth set)."""
    m = pattern.search(folded.text)
    if m is None or CORRECTION.search(folded.text, m.end()):
        return None
    return folded.words_at(m.start(), m.end())


# issue 11, nineteenth set: "I can't put it out", "trying to put it out", "krieg's nicht gelöscht": what the caller
# cannot do or is still trying is not done
UNABLE_BEFORE = re.compile(fold_pattern(
    r"\b(can t|cannot|can not|couldn t|could not|won t|unable to|trying to|try to|tried to|tries to|struggling to"
    r"|versuche|versuch|versuchen|versucht)( \w+){0,2}$"
))


def _denied(folded: Folded, pattern: re.Pattern[str]) -> bool:
    """Said with a negation or an inability before or inside it: "nicht zugedreht", "can't put it out"."""
    m = pattern.search(folded.text)
    if not m:
        return False
    if UNABLE_BEFORE.search(folded.text[: m.start()].rstrip()):
        return True
    return is_negated(folded, m.start(), m.end(), after=False) or any(w in NEGATORS for w in m.group(0).split())


def _asking(folded: Folded) -> str | None:
    """A question in general or an exercise announced (not one denied), unless the caller turns from it to a real
    one ("Brandschutzübung, aber jetzt brennt es wirklich")."""
    m = JUST_ASKING.search(folded.text)
    if m is None and not _denied(folded, DRILL):
        m = DRILL.search(folded.text)
    if m is None or DRILL_TURNED_REAL.search(folded.text[m.end() :]):
        return None
    return folded.words_at(m.start(), m.end())


@dataclass(frozen=True)
class Found:
    """The modifier words one utterance contains (None where it has none)."""

    folded: Folded
    past: str | None
    invoice: str | None
    resolved: str | None
    contained: str | None
    still: str | None
    summer: str | None
    other_toilet: str | None
    scope_one: str | None
    one_room: str | None
    just_asking: str | None
    low_stakes: str | None
    far_future: str | None
    today_need: str | None
    rest_works: str | None
    joke: str | None
    false_alarm: str | None
    cooking_alarm: str | None
    chirp: str | None
    hearth: str | None
    maintenance: str | None
    disposal: str | None
    supplies_left: str | None
    kill_idiom: str | None
    bled_dry: tuple[int, int] | None

    @classmethod
    def of(cls, folded: Folded) -> Found:
        return cls(
            folded=folded,
            past=_find(PAST, folded),
            invoice=None if INVOICE_WORK.search(folded.text) else _find(INVOICE, folded),
            resolved=(
                None if _denied(folded, RESOLVED) or SINCE_BACK_ON.search(folded.text) else _find(RESOLVED, folded)
            ) or _find(CHECKED_NOTHING, folded),
            contained=None if _denied(folded, CONTAINED) else _find(CONTAINED, folded),
            still=_find(STILL_ACTIVE, folded),
            summer=_find(SUMMER, folded),
            other_toilet=_find(OTHER_TOILET, folded),
            scope_one=_find(SCOPE_ONE, folded),
            one_room=None if _MORE_ROOMS.search(folded.text) else _find(ONE_ROOM, folded),
            just_asking=_asking(folded),
            low_stakes=_unless_corrected(LOW_STAKES, folded),
            far_future=_find(FAR_FUTURE, folded),
            today_need=_find(TODAY, folded) if NEED.search(folded.text) and not PICKUP_TODAY.search(folded.text) else None,
            rest_works=_find(REST_WORKS, folded),
            joke=None if _denied(folded, JOKE) else _find(JOKE, folded),
            false_alarm=_find(FALSE_ALARM, folded),
            # issue 11, thirty-second set: not when the caller denies the cooking ("it's not the toast, there's actual
            # smoke", "ich hab nichts angebrannt")
            cooking_alarm=(
                _find(COOKING, folded) if ALARM_WORDS.search(folded.text) and not _denied(folded, COOKING) else None
            ),
            chirp=(
                _find(CHIRP, folded)
                if ALARM_WORDS.search(folded.text) and not ALARM_TONE.search(folded.text)
                and not CO_SYMPTOMS.search(folded.text) else None
            ),
            hearth=_find(HEARTH, folded),
            maintenance=_find(MAINTENANCE, folded),
            disposal=_find(DISPOSAL, folded),
            supplies_left=None if _denied(folded, SUPPLIES_LEFT) else _find(SUPPLIES_LEFT, folded),
            kill_idiom=None if _REAL_THREAT.search(folded.text) else _find(KILL_IDIOM, folded),
            bled_dry=None if _REAL_THREAT.search(folded.text) else _span(BLED_DRY, folded),
        )

    def past_for(self, hit: Hit) -> str | None:
        """The past phrase, unless a word of now stands between it and the hazard ("last week … and now") or in the
        hazard's own words ("die Rechnung vom letzten Monat … riecht es seit heute morgen … nach Gas", issue 11,
        eighteenth set: German puts the time inside the clause the rule matches), or said of the hazard after its date
        ("der Gasgeruch von gestern ist heute viel stärker")."""
        m = PAST.search(self.folded.text)
        if m is None:
            return None
        if m.end() <= hit.start and PRESENT.search(self.folded.text[m.end() : max(hit.start, hit.end)]):
            return None
        if m.end() <= hit.start and SINCE_NOW_AFTER.search(self.folded.text[hit.end :].strip()):
            return None
        if m.end() <= hit.start and ASIDE.search(self.folded.text[m.end() : hit.start]):
            return None
        if m.end() > hit.start and NOW_AFTER_PAST.search(self.folded.text[m.end() :]):
            return None
        return self.past

    def invoice_for(self, hit: Hit) -> str | None:
        """The invoice, unless the caller turns from it to the damage happening now ("Frage zur Rechnung, und nebenbei,
        das Rohr ist gerade geplatzt"; issue 11, twenty-first set); an invoice named after the damage stays about it."""
        m = INVOICE.search(self.folded.text)
        if m is None or self.invoice is None:
            return None
        if m.end() <= hit.start and TURN_TO_NOW.search(self.folded.text[m.end() : max(hit.start, hit.end)]):
            return None
        return self.invoice

    def resolved_for(self, hit: Hit) -> str | None:
        """The resolved phrase, unless the caller turns from it to the hazard ("die ist wieder gut, aber … Rauch"), or it
        says a fire or sparks are over beside a person in danger."""
        if self.resolved is None:
            return None
        found = RESOLVED.finditer(self.folded.text)
        if hit.rule.hazard in ("medical", "police"):  # "der Rauch ist weg" says nothing of the man on the floor
            found = (r for r in found if not DANGER_OVER.fullmatch(r.group(0)))
        m = next(found, None) or CHECKED_NOTHING.search(self.folded.text)
        if m is None:
            return None
        if m.end() <= hit.start and TURN.search(self.folded.text[m.end() : hit.start]):
            return None
        return self.folded.words_at(m.start(), m.end())

    def on_screen_for(self, hit: Hit) -> str | None:
        """The story on screen, when the hazard is its plot: "gestern im Tatort hat einer seine Frau erschossen", "in the
        crime drama a man shot his wife" (issue 11, twenty-fourth set); a turn to now between them ("wir gucken einen
        Film, und jetzt riecht es nach Gas") makes the hazard the caller's own."""
        before = [s for s in STORY.finditer(self.folded.text) if s.end() <= hit.start]
        if not before:
            return self._story_right_after(hit)
        m = before[-1]
        between = self.folded.text[m.end() : hit.start]
        join = _JOIN_TO_SELF if _STORY_WHERE_RE.search(m.group(0)) else _CLAUSE_JOIN
        if TURN_TO_NOW.search(between) or join.search(between) or len(between.split()) > _STORY_REACH:
            return None
        return m.group(0)

    def _story_right_after(self, hit: Hit) -> str | None:
        """The story named within a few words after the hazard, with no clause between ("… with a knife on that series
        last night")."""
        m = STORY.search(self.folded.text, hit.end)
        if m is None:
            return None
        between = self.folded.text[hit.end : m.start()]
        if _CLAUSE_JOIN.search(between) or TURN_TO_NOW.search(between) or len(between.split()) > _STORY_AFTER_REACH:
            return None
        return m.group(0)

    def hyperbole_for(self, hit: Hit) -> str | None:
        """'krieg ich einen Herzinfarkt, wenn ich die Rechnung sehe', 'this printer is giving me a heart attack', 'I'll
        have a heart attack if it breaks again': the caller's own heart attack at a price, given by a thing or promised
        on a condition; never beside the body's signs of one."""
        if not _HEART_WORDS.search(hit.words.lower()):
            return None
        before = " ".join(self.folded.text[: hit.start].split()[-6:])
        if _HEART_SIGNS.search(self.folded.text):
            before = ""
        if m := _GIVEN_BEFORE.search(before):
            return f"{m.group(0)} {hit.words}"
        if (m := _WILL_HAVE_BEFORE.search(before)) and _IF_AFTER.search(self.folded.text[hit.end :]):
            return f"{m.group(0)} {hit.words}"
        if not _HYPERBOLE_TRIGGER.search(self.folded.text):
            return None
        m = _MY_HABIT_BEFORE.search(" ".join(before.split()[-5:]))
        return f"{m.group(0)} {hit.words}" if m else None

    def figure_for(self, hit: Hit) -> str | None:
        """A threat of death at a mundane thing, or money bled out of the caller: the hit's words inside the idiom."""
        if _KILL_WORDS.search(hit.words):
            return self.kill_idiom
        if self.bled_dry and self.bled_dry[0] <= hit.start < self.bled_dry[1]:
            return self.folded.words_at(*self.bled_dry)
        return None

    def hypothetical(self, hit: Hit) -> str | None:
        """'wenn die Alarmanlage losgeht', 'bei einem Rohrbruch': the hazard is asked about, not happening."""
        words = self.folded.text[: hit.start].split()
        m = HYPOTHETICAL_BEFORE.search(" ".join(words[-4:]))
        if m and m.group(0) in ("wenn",) and self._habitual(words, hit):
            m = None
        if m and m.group(0) in ("gegen", "against") and STRUCK_AGAINST.search(" ".join(words[-6:])):
            m = None
        m = m or HYPOTHETICAL_CASE.search(" ".join(words[-6:])) or PLAN_AFTER.search(self.folded.text[hit.end :].strip())
        if m is None and CONDITION_BEFORE.search(" ".join(words[-8:])):
            m = CONDITION_AFTER.search(self.folded.text[hit.end :].strip())
        m = m or CONDITION_EVER_BEFORE.search(" ".join(words[-8:]))
        article = HYPOTHETICAL_ARTICLE.search(" ".join(words[-3:]))
        if article and not SIGNS_BEFORE.search(" ".join(words[-4:])):
            m = m or article
        return m.group(0) if m else None

    def _habitual(self, words: list[str], hit: Hit) -> bool:
        """"wenn ich die Dusche anfasse, dann kribbelt das": "wenn ich/man" a few words before the hit, and the caller's
        touching or turning on said in the present, followed by what then happens (in the hit or right after it)."""
        if not any(HABITUAL_WHEN.search(" ".join(words[: len(words) - n])) for n in range(0, 4)):
            return False
        return bool(HABITUAL_DEED.search(self.folded.text[hit.start : hit.end]) or HABITUAL_DEED.match(self.folded.text[hit.end :].strip()))

    def asked(self, hit: Hit) -> str | None:
        return self.just_asking or self.hypothetical(hit)


ModifierName = Literal[
    "asked", "contained", "resolved", "resolved_unless_still", "past", "invoice", "low_stakes", "far_future",
    "hot_water_only", "not_total", "other_toilet", "false_alarm", "rest_works", "cooking_alarm", "hearth",
    "maintenance", "chirp", "disposal", "on_screen", "hyperbole", "supplies_left", "figure_of_speech",
]


@dataclass(frozen=True)
class Modifier:
    """One way the rest of the utterance lowers a situation: the words, to what, and why (for the evidence)."""

    name: ModifierName
    to: Urgency
    why: str
    words: Callable[[Found, Hit], str | None]
    only: frozenset[Urgency] | None = None  # applies only to rules of these urgencies
    unless_still: bool = True  # "immer noch", "right now": the situation is happening after all


_M = {
    m.name: m
    for m in (
        Modifier(
            "asked", "P3", "asked about, not happening",
            # "ob Sie die Herztabletten dahaben, die sind alle", "if you have insulin, her pen is empty": a question
            # about stock for a medicine that has run out, not a what-if (issue 11, twenty-fourth set)
            lambda f, h: None if h.rule.kind == "medication" and RUN_OUT.search(f.folded.text) else f.asked(h),
            unless_still=False,
        ),
        Modifier("contained", "P2", "contained", lambda f, h: f.contained, only=frozenset({"P1", "P2"})),
        Modifier("resolved", "P3", "resolved", lambda f, h: f.resolved_for(h), unless_still=False),
        Modifier("resolved_unless_still", "P3", "resolved", lambda f, h: f.resolved_for(h)),
        Modifier("past", "P3", "in the past", lambda f, h: f.past_for(h)),
        Modifier(
            "invoice", "P3", "about past work", lambda f, h: f.invoice_for(h), only=frozenset({"P1", "P2", "P3", "P4"})
        ),
        Modifier(
            "low_stakes", "P3", "the caller says it is not serious", lambda f, h: f.low_stakes,
            only=frozenset({"P1", "P2"}),
        ),
        Modifier("far_future", "P3", "not due soon", lambda f, h: f.far_future, unless_still=False),
        Modifier(
            "hot_water_only", "P2", "only hot water", lambda f, h: f.rest_works, only=frozenset({"P1"}),
            unless_still=False,
        ),
        Modifier(
            "not_total", "P3", "not a total failure in the cold", lambda f, h: f.summer or f.scope_one or f.one_room,
            unless_still=False,
        ),
        Modifier("other_toilet", "P3", "another toilet works", lambda f, h: f.other_toilet, unless_still=False),
        Modifier("false_alarm", "P3", "set off by mistake", lambda f, h: f.false_alarm, unless_still=False),
        Modifier(
            "rest_works", "P2", "one system down, the rest works", lambda f, h: f.rest_works or f.scope_one,
            only=frozenset({"P1"}), unless_still=False,
        ),
        # "keeps going off whenever I cook" is still cooking: no "still" makes it a fire
        Modifier(
            "cooking_alarm", "P3", "an alarm set off by cooking",
            lambda f, h: f.cooking_alarm if ALARM_WORDS.search(h.words) else None, unless_still=False,
        ),
        Modifier(
            "chirp", "P3", "a detector's low-battery chirp, no alarm tone and no symptoms",
            # only an alarm's own words, and never where the rule heard people hurt (CO with headaches)
            lambda f, h: f.chirp if ALARM_WORDS.search(h.words) and h.rule.distress != "acute" else None,
            unless_still=False,
        ),
        Modifier("hearth", "P3", "a stove fire that burns too little", lambda f, h: f.hearth, unless_still=False),
        Modifier("maintenance", "P3", "work on the system, not an incident", lambda f, h: f.maintenance),
        Modifier("disposal", "P3", "an old device to be got rid of", lambda f, h: f.disposal),
        Modifier("on_screen", "P3", "a story on screen", lambda f, h: f.on_screen_for(h)),
        Modifier(
            "hyperbole", "P3", "a heart attack as a figure of speech", lambda f, h: f.hyperbole_for(h), unless_still=False
        ),
        Modifier("supplies_left", "P3", "supplies left", lambda f, h: f.supplies_left, only=frozenset({"P1"})),
        Modifier(
            "figure_of_speech", "P3", "a threat or a wound as a figure of speech", lambda f, h: f.figure_for(h),
            unless_still=False,
        ),
    )
}

_COMMON: tuple[ModifierName, ...] = ("asked", "resolved", "past", "invoice", "low_stakes")
# Which modifiers apply to which kind of rule, tried in order; the first whose words occur decides.
MODIFIERS: dict[Kind, tuple[ModifierName, ...]] = {
    "hazard": (
        "asked", "resolved_unless_still", "past", "invoice", "low_stakes", "cooking_alarm", "chirp", "hearth", "on_screen",
        "hyperbole", "figure_of_speech",
    ),
    # said once is enough: never talked down by other words, unless it is the plot of a story named as such ("a book
    # where the woman … doesn't want to live any more", issue 11, thirty-first set)
    "self_harm": ("on_screen",),
    "noise": (),
    "deadline": ("far_future",),
    "water": ("asked", "contained", "resolved", "past", "invoice", "low_stakes", "on_screen"),
    "no_water": ("asked", "contained", "resolved", "past", "invoice", "low_stakes"),
    "heating": (*_COMMON, "hot_water_only", "not_total"),
    "hot_water": _COMMON,
    "toilet": (*_COMMON, "other_toilet"),
    "security": (*_COMMON, "false_alarm", "maintenance", "cooking_alarm", "chirp", "on_screen"),
    "legal": _COMMON,
    "it": (*_COMMON, "rest_works", "disposal", "on_screen"),
    "medication": (*_COMMON, "supplies_left"),
    "fault": _COMMON,
    "intent": _COMMON,
    "distress": _COMMON,
    "pack": (*_COMMON, "maintenance", "on_screen", "supplies_left"),
}


def effective(hit: Hit, found: Found) -> tuple[Urgency, str | None]:
    """The urgency a situation has once time, containment and scope are taken into account."""
    urgency = hit.rule.urgency
    assert urgency is not None
    for name in MODIFIERS[hit.rule.kind]:
        modifier = _M[name]
        if modifier.only is not None and urgency not in modifier.only:
            continue
        if modifier.unless_still and found.still:
            continue
        words = modifier.words(found, hit)
        if words:
            return modifier.to, f"{modifier.why}: {words}"
    return urgency, None

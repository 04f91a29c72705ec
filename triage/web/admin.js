// The admin editor: a client's pack as a form and as raw YAML, kept in sync; check (validate and the
// pack's own tests), save as a new version, history with diffs and rollback, export and import, a
// preview call against the unsaved draft and any prompt spoken with the client's voice.
// Talks to triage/admin/api.py (/api/admin/…); POST /admin/yaml turns the YAML view into fields.
//
// The client's document holds only what the client overrides; the form shows the effective value
// (the document's, else the live pack's) and writes into the document only the field the admin
// changes. Server data goes into the page with textContent, never innerHTML.
// Tests read the DOM: #editor[data-client][data-version][data-dirty], .field[data-path] .field-error,
// #status[data-kind], #versions li[data-version], #tests li[data-passed], #audio[data-bytes].
// Signing in and out, the DE/EN toggle, t() and api() are console.js's, shared with the agent console.

import { $, createConsole, el } from "./console.js";

const LANG_KEY = "triage.admin.lang";
const LANGS = ["de", "en"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const CHANNELS = ["phone", "sms", "webhook"];
const TIMES = ["", "morning", "afternoon", "evening", "night"];
const YAML_DEBOUNCE_MS = 350;

const STRINGS = {
  de: {
    title: "Kunden-Editor",
    kicker: "Was Anrufer hören, pro Kunde",
    uiLanguage: "Sprache der Oberfläche",
    signIn: "Anmelden",
    signInButton: "Anmelden",
    signOut: "Abmelden",
    username: "Benutzername",
    password: "Passwort",
    wrongLogin: "Benutzername oder Passwort falsch.",
    notAdmin: "Dieses Konto darf keine Kunden bearbeiten.",
    signedInAs: "Angemeldet als {name}",
    failed: "Das hat nicht geklappt: {reason}",
    clients: "Kunden",
    clientsEmpty: "Sie verwalten keine Kunden.",
    versionLine: "Version {n} · {author} · {when}",
    audit: "Protokoll",
    auditAt: "Zeit",
    auditActor: "Wer",
    auditAction: "Was",
    auditClient: "Kunde",
    auditDetail: "Details",
    back: "← Alle Kunden",
    unsaved: "nicht gespeichert",
    check: "Prüfen",
    comment: "Kommentar",
    commentHint: "Was und warum?",
    requireTests: "Nicht speichern, wenn ein Test fehlschlägt",
    save: "Speichern",
    reload: "Neu laden",
    export: "Exportieren",
    import: "Importieren",
    otherProblems: "Probleme",
    tests: "Tests des Pakets",
    testsSummary: "{passed} von {total} bestanden",
    noTests: "Das Paket hat keine Tests.",
    tabForm: "Einstellungen",
    tabYaml: "YAML",
    tabPreview: "Vorschau",
    tabHistory: "Versionen",
    formStale: "Das YAML ist gerade nicht lesbar; das Formular zeigt den letzten lesbaren Stand.",
    yamlHint: "Nur was dieser Kunde anders macht als die gemeinsamen Vorgaben. Änderungen hier und im Formular bleiben im Gleichklang.",
    yamlLine: "Zeile {line}: {problem}",
    greeting: "Begrüßung",
    greetingHint: "Das Erste, was jeder Anrufer hört. Sie muss sagen, dass eine KI antwortet.",
    greetingTimes: { morning: "morgens", afternoon: "tagsüber", evening: "abends und nachts" },
    inherited: "geerbt aus den Vorgaben",
    overridden: "eigener Text",
    hear: "Anhören",
    languages: "Sprachen",
    languageNames: { de: "Deutsch", en: "Englisch" },
    hours: "Geschäftszeiten",
    hoursHint: "Zeiträume wie 08:00-17:00, mehrere mit Komma; leer heißt geschlossen.",
    closed: "geschlossen",
    days: { mon: "Montag", tue: "Dienstag", wed: "Mittwoch", thu: "Donnerstag", fri: "Freitag", sat: "Samstag", sun: "Sonntag" },
    catalog: "Katalog",
    sku: "Artikelnummer",
    nameIn: "Name ({lang})",
    price: "Preis",
    priceIn: "Preis ({lang})",
    remove: "Entfernen",
    addItem: "Artikel hinzufügen",
    catalogEmpty: "Keine Artikel.",
    escalation: "Eskalation",
    acceptTimeout: "Sekunden bis zur Eskalation, wenn niemand annimmt",
    contacts: "Bereitschaftskontakte (in dieser Reihenfolge)",
    contactName: "Name",
    channel: "Kanal",
    channels: { phone: "Anruf", sms: "SMS", webhook: "Webhook" },
    phone: "Telefon",
    url: "URL",
    addContact: "Kontakt hinzufügen",
    contactsEmpty: "Keine Kontakte.",
    checking: "Wird geprüft …",
    checkOk: "Keine Probleme gefunden.",
    checkProblems: "{n} Problem(e) gefunden. Nichts wurde gespeichert.",
    saving: "Wird gespeichert …",
    saved: "Gespeichert als Version {n}. Der nächste Anruf bekommt sie; laufende Anrufe behalten ihre Fassung.",
    notSaved: "Nicht gespeichert: {reason}",
    notSavedProblems: "Nicht gespeichert: das Paket hat {n} Problem(e).",
    notSavedTests: "Nicht gespeichert: ein Test des Pakets ist fehlgeschlagen.",
    conflict: "Nicht gespeichert: jemand anderes hat inzwischen gespeichert. Laden Sie neu und machen Sie die Änderung noch einmal.",
    nothingChanged: "Keine Änderung zu speichern.",
    imported: "Importiert als Version {n}.",
    rolledBack: "Version {old} ist wieder live (als Version {n}).",
    rollbackQuestion: "Version {n} wieder live schalten? Sie wird als neue Version gespeichert; ungespeicherte Änderungen im Editor gehen verloren.",
    rollbackYes: "Ja, zurückrollen",
    cancel: "Abbrechen",
    rollback: "Zurückrollen auf diese Version",
    showDiff: "Änderungen",
    showYaml: "YAML",
    live: "live",
    diffHeading: "Version {older} → {newer}",
    yamlHeading: "Version {n}",
    noDiff: "Keine Unterschiede.",
    sources: { files: "prompts-Ordner", admin: "Editor", import: "Import", rollback: "Rollback" },
    testsShort: "Tests {passed}/{total}",
    previewCall: "Testanruf mit dem Entwurf",
    previewHint: "Der Anruf läuft gegen die Fassung im Editor, auch ungespeichert. Nichts wird gespeichert.",
    callLanguage: "Sprache des Anrufs",
    automatic: "automatisch",
    restart: "Neu beginnen",
    callerSays: "Der Anrufer sagt …",
    send: "Senden",
    roleBot: "Assistent",
    roleCaller: "Anrufer",
    outcome: "Ergebnis bis hier (legt der Anrufer jetzt auf): {what}",
    hearPrompt: "Ansage anhören",
    hearHint: "Mit der Stimme des Kunden, aus der Fassung im Editor.",
    prompt: "Ansage",
    language: "Sprache",
    timeOfDay: "Tageszeit",
    times: { "": "jetzt", morning: "Morgen", afternoon: "Nachmittag", evening: "Abend", night: "Nacht" },
    spoken: "Gesprochen: {text}",
    prompts: { greeting: "Begrüßung", recording_consent: "Frage nach Aufzeichnung", ask_need: "Frage nach dem Anliegen", anything_else: "Noch etwas?", goodbye: "Verabschiedung", not_understood: "Nicht verstanden", silence_reprompt: "Nachfrage bei Stille", handoff_failures: "Übergabe: nicht verstanden", handoff_requested: "Übergabe: Anrufer will einen Menschen", handoff_now: "Übergabe jetzt", handoff_p0: "Übergabe bei Lebensgefahr", handoff_p1: "Übergabe bei Notfall", handoff_generic: "Übergabe allgemein", number_not_in_service: "Nummer keinem Kunden zugeordnet", handoff_error: "Übergabe bei technischem Fehler", handoff_hold: "Warteschleife", handoff_connecting: "Wird verbunden", handoff_agent_unavailable: "Mitarbeiter nicht erreicht", handoff_escalated: "Bereitschaft alarmiert", handoff_callback: "Rückruf versprochen", handoff_callback_no_number: "Kein Rückruf möglich (keine Nummer)", p0_fire: "Lebensgefahr: Feuer", p0_gas: "Lebensgefahr: Gas", p0_medical: "Lebensgefahr: medizinisch", p0_police: "Lebensgefahr: Polizei", p0_electric: "Lebensgefahr: Strom", distress_acute: "Anrufer in akuter Not", distress_elevated: "Anrufer aufgewühlt", ask_address: "Frage nach der Adresse", ask_callback: "Frage nach der Rückrufnummer", ask_name: "Frage nach dem Namen", confirm_address: "Adresse bestätigen", confirm_callback: "Rückrufnummer bestätigen", confirm_line_number: "Anrufernummer als Rückrufnummer anbieten", confirm_name: "Namen bestätigen", confirm_retry: "Noch einmal fragen", order_ask_items: "Bestellung: was?", order_item_unknown: "Bestellung: Artikel unbekannt", order_as_message: "Bestellung: unbekannt, als Nachricht", order_ask_option: "Bestellung: Variante", order_ask_more: "Bestellung: noch etwas?", order_option_advice: "Bestellung: Rückfrage zur Variante", order_ask_fulfilment: "Bestellung: Abholung oder Lieferung", order_ask_delivery_address: "Bestellung: Lieferadresse", order_ask_site_address: "Buchung: für welches Objekt", order_fulfilment_needed: "Bestellung vollständig: Abholung oder Lieferung?", order_readback: "Bestellung vorlesen", order_saved: "Bestellung gespeichert", order_cancelled: "Bestellung verworfen", message_ask: "Nachricht: was?", message_readback: "Nachricht vorlesen", message_saved: "Nachricht gespeichert", appointment_ask: "Terminwunsch", appointment_ask_when: "Terminwunsch: wann?", appointment_time_agreed: "Terminwunsch: wer stimmt den Termin ab", silence_question: "Nachfrage bei Stille nach einer Frage", info_unknown: "Auskunft unbekannt", no_action: "Nicht zuständig", consent_declined: "Aufzeichnung abgelehnt", consent_withdrawn: "Aufzeichnung widerrufen", ask_danger: "Frage nach Gefahr", who_is_this: "Wer spricht da?", phone_continue: "Nummer: weiter bitte", reply_wait: "Einen Moment bitte (Antwort dauert)", what_to_change: "Vorlesen verneint: was ändern?", item_price: "Preis eines Artikels", ask_callback_groups: "Nummer noch einmal in Gruppen", handed_over: "Telefon weitergereicht: neuen Sprecher begrüßen", language_not_offered: "Sprache nicht angeboten", order_delivery_only: "Bestellung: nur Lieferung, keine Abholung", why_detail: "Wozu die Angabe? (Adresse, Nummer, Name)", confirm_slowly: "Vorlesen noch einmal langsam", wait_time: "Wie lange muss ich warten?" },
    auditActions: {
      sign_in: "angemeldet",
      sign_in_failed: "Anmeldung fehlgeschlagen",
      user_created: "Konto angelegt",
      api_token_issued: "API-Token ausgegeben",
      tokens_revoked: "Sitzungen und Tokens widerrufen",
      pack_admin: "Paket im Editor gespeichert",
      pack_files: "Paket aus dem prompts-Ordner übernommen",
      pack_import: "Paket importiert",
      pack_rollback: "Paket zurückgerollt",
    },
    auditKeys: { username: "Konto", role: "Rolle", clients: "Kunden", name: "Zweck", count: "Anzahl", version: "Version", comment: "Kommentar" },
    roles: { platform_admin: "Plattform-Admin", client_admin: "Kunden-Admin", agent: "Agent" },
    outcomes: { handoff: "an einen Mitarbeiter übergeben", order: "Bestellung", message: "Nachricht", ended: "beendet" },
  },
  en: {
    title: "Client editor",
    kicker: "What callers hear, per client",
    uiLanguage: "Interface language",
    signIn: "Sign in",
    signInButton: "Sign in",
    signOut: "Sign out",
    username: "Username",
    password: "Password",
    wrongLogin: "Wrong username or password.",
    notAdmin: "This account may not change clients.",
    signedInAs: "Signed in as {name}",
    failed: "That did not work: {reason}",
    clients: "Clients",
    clientsEmpty: "You administer no clients.",
    versionLine: "Version {n} · {author} · {when}",
    audit: "Audit log",
    auditAt: "Time",
    auditActor: "Who",
    auditAction: "What",
    auditClient: "Client",
    auditDetail: "Details",
    back: "← All clients",
    unsaved: "unsaved",
    check: "Check",
    comment: "Comment",
    commentHint: "What and why?",
    requireTests: "Refuse to save if a test fails",
    save: "Save",
    reload: "Reload",
    export: "Export",
    import: "Import",
    otherProblems: "Problems",
    tests: "Pack tests",
    testsSummary: "{passed} of {total} passed",
    noTests: "The pack has no tests.",
    tabForm: "Settings",
    tabYaml: "YAML",
    tabPreview: "Preview",
    tabHistory: "Versions",
    formStale: "The YAML cannot be read right now; the form shows the last readable state.",
    yamlHint: "Only what this client does differently from the shared defaults. Changes here and in the form stay in sync.",
    yamlLine: "Line {line}: {problem}",
    greeting: "Greeting",
    greetingHint: "The first thing every caller hears. It must say that an AI is answering.",
    greetingTimes: { morning: "in the morning", afternoon: "in the daytime", evening: "evening and night" },
    inherited: "inherited from the defaults",
    overridden: "own text",
    hear: "Listen",
    languages: "Languages",
    languageNames: { de: "German", en: "English" },
    hours: "Business hours",
    hoursHint: "Ranges like 08:00-17:00, several separated by commas; empty means closed.",
    closed: "closed",
    days: { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" },
    catalog: "Catalogue",
    sku: "SKU",
    nameIn: "Name ({lang})",
    price: "Price",
    priceIn: "Price ({lang})",
    remove: "Remove",
    addItem: "Add item",
    catalogEmpty: "No items.",
    escalation: "Escalation",
    acceptTimeout: "Seconds before escalating when nobody accepts",
    contacts: "On-call contacts (in this order)",
    contactName: "Name",
    channel: "Channel",
    channels: { phone: "Call", sms: "SMS", webhook: "Webhook" },
    phone: "Phone",
    url: "URL",
    addContact: "Add contact",
    contactsEmpty: "No contacts.",
    checking: "Checking …",
    checkOk: "No problems found.",
    checkProblems: "{n} problem(s) found. Nothing was saved.",
    saving: "Saving …",
    saved: "Saved as version {n}. The next call gets it; calls in progress keep theirs.",
    notSaved: "Not saved: {reason}",
    notSavedProblems: "Not saved: the pack has {n} problem(s).",
    notSavedTests: "Not saved: one of the pack's tests failed.",
    conflict: "Not saved: someone else saved meanwhile. Reload, then make the change again.",
    nothingChanged: "Nothing to save.",
    imported: "Imported as version {n}.",
    rolledBack: "Version {old} is live again (as version {n}).",
    rollbackQuestion: "Make version {n} live again? It is saved as a new version; unsaved changes in the editor are lost.",
    rollbackYes: "Yes, roll back",
    cancel: "Cancel",
    rollback: "Roll back to this version",
    showDiff: "Changes",
    showYaml: "YAML",
    live: "live",
    diffHeading: "Version {older} → {newer}",
    yamlHeading: "Version {n}",
    noDiff: "No differences.",
    sources: { files: "prompts folder", admin: "editor", import: "import", rollback: "rollback" },
    testsShort: "tests {passed}/{total}",
    previewCall: "Test call with the draft",
    previewHint: "The call runs against the version in the editor, saved or not. Nothing is stored.",
    callLanguage: "Call language",
    automatic: "automatic",
    restart: "Start over",
    callerSays: "The caller says …",
    send: "Send",
    roleBot: "Assistant",
    roleCaller: "Caller",
    outcome: "Outcome so far (if the caller hangs up now): {what}",
    hearPrompt: "Listen to a prompt",
    hearHint: "With the client's voice, from the version in the editor.",
    prompt: "Prompt",
    language: "Language",
    timeOfDay: "Time of day",
    times: { "": "now", morning: "morning", afternoon: "afternoon", evening: "evening", night: "night" },
    spoken: "Spoken: {text}",
    prompts: { greeting: "Greeting", recording_consent: "Recording consent question", ask_need: "What can I do for you", anything_else: "Anything else?", goodbye: "Goodbye", not_understood: "Not understood", silence_reprompt: "Prompt after silence", handoff_failures: "Handoff: not understood", handoff_requested: "Handoff: caller wants a person", handoff_now: "Handoff now", handoff_p0: "Handoff: danger to life", handoff_p1: "Handoff: emergency", handoff_generic: "Handoff: general", number_not_in_service: "Number not assigned to a client", handoff_error: "Handoff: technical failure", handoff_hold: "On hold", handoff_connecting: "Connecting", handoff_agent_unavailable: "Agent not reached", handoff_escalated: "On-call alerted", handoff_callback: "Callback promised", handoff_callback_no_number: "No callback possible (no number)", p0_fire: "Danger: fire", p0_gas: "Danger: gas", p0_medical: "Danger: medical", p0_police: "Danger: police", p0_electric: "Danger: electricity", distress_acute: "Caller in acute distress", distress_elevated: "Caller upset", ask_address: "Ask for the address", ask_callback: "Ask for a callback number", ask_name: "Ask for the name", confirm_address: "Confirm the address", confirm_callback: "Confirm the callback number", confirm_line_number: "Offer the caller's own number for a callback", confirm_name: "Confirm the name", confirm_retry: "Ask again", order_ask_items: "Order: what?", order_item_unknown: "Order: unknown item", order_as_message: "Order: unknown, taken as a message", order_ask_option: "Order: variant", order_ask_more: "Order: anything else?", order_option_advice: "Order: question about the variant", order_ask_fulfilment: "Order: pickup or delivery", order_ask_delivery_address: "Order: delivery address", order_ask_site_address: "Booking: which site", order_fulfilment_needed: "Order complete: pickup or delivery?", order_readback: "Order read back", order_saved: "Order saved", order_cancelled: "Order dropped", message_ask: "Message: what?", message_readback: "Message read back", message_saved: "Message saved", appointment_ask: "Appointment request", appointment_ask_when: "Appointment request: when?", appointment_time_agreed: "Appointment request: who agrees the time", silence_question: "Prompt after silence to a question", info_unknown: "Unknown question", no_action: "Not our business", consent_declined: "Recording declined", consent_withdrawn: "Recording withdrawn", ask_danger: "Ask about danger", who_is_this: "Who is this?", phone_continue: "Number: please go on", reply_wait: "One moment (reply delayed)", what_to_change: "Read-back denied: what to change?", item_price: "Price of an item", ask_callback_groups: "Number again, in groups", handed_over: "Phone handed over: greet the new speaker", language_not_offered: "Language not offered", order_delivery_only: "Order: delivery only, no pickup", why_detail: "Why do you need that? (address, number, name)", confirm_slowly: "Read back again, slowly", wait_time: "How long do I have to wait?" },
    auditActions: {
      sign_in: "signed in",
      sign_in_failed: "sign-in failed",
      user_created: "account created",
      api_token_issued: "API token issued",
      tokens_revoked: "sessions and tokens revoked",
      pack_admin: "pack saved in the editor",
      pack_files: "pack taken from the prompts folder",
      pack_import: "pack imported",
      pack_rollback: "pack rolled back",
    },
    auditKeys: { username: "account", role: "role", clients: "clients", name: "purpose", count: "count", version: "version", comment: "comment" },
    roles: { platform_admin: "platform admin", client_admin: "client admin", agent: "agent" },
    outcomes: { handoff: "handed to a person", order: "order", message: "message", ended: "ended" },
  },
};

const state = {
  lang: "de",
  me: null,
  clients: [],
  audit: [],
  client: null, // id of the open client
  loaded: null, // GET /clients/{id}: {version, yaml, document, pack, tests}
  doc: {}, // the draft as fields
  yamlText: "", // the draft as text
  source: "yaml", // which of the two the admin edited last: what is sent
  dirty: false,
  yamlReadable: true,
  yamlTimer: null,
  yamlSeq: 0,
  problems: [],
  problemsLang: null, // the language the problems on show are worded in
  tests: null,
  status: null, // {kind, key, vars, reason}
  tab: "form",
  versions: [],
  rollbackTo: null,
  diff: null, // {title, text}
  turns: [],
  preview: null,
  audioUrl: null,
};

const { t, label, renderWho, api, reason, start } = createConsole({
  state,
  strings: STRINGS,
  langKey: LANG_KEY,
  langIds: "ui",
  render: renderAll,
  signedIn: openApp,
  signedOut: closeApp,
});

// --- formatting --------------------------------------------------------------------------------
function when(iso) {
  if (!iso) return "";
  const at = new Date(iso);
  return new Intl.DateTimeFormat(state.lang === "en" ? "en-GB" : "de-DE", {
    dateStyle: "short",
    timeStyle: "short",
  }).format(at);
}

const clone = (value) => (value == null ? value : JSON.parse(JSON.stringify(value)));
// a catalogue item's price in one language: the pack's per-language price, or an older pack's one string in the
// item's first language
const priceIn = (item, lang) => {
  if (typeof item.price === "string") return (Object.keys(item.name || {})[0] || "de") === lang ? item.price : "";
  return (item.price || {})[lang] || "";
};

// --- the server --------------------------------------------------------------------------------
const clientPath = (suffix = "") => `/api/admin/clients/${encodeURIComponent(state.client)}${suffix}`;

// --- a tiny YAML writer for the form's fields (JSON data only) ---------------------------------
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function yamlScalar(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "[]";
  if (typeof value === "object") return "{}";
  const text = String(value);
  const plain = /^[\p{L}_][\p{L}\p{N} _.,()/+'-]*$/u.test(text) && !RESERVED.test(text) && !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}

function yamlKey(key) {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) && !RESERVED.test(key) ? key : JSON.stringify(key);
}

const isLeaf = (v) => v === null || typeof v !== "object" || Object.keys(v).length === 0;

function yamlLines(value, depth) {
  const pad = "  ".repeat(depth);
  const lines = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isLeaf(item)) {
        lines.push(`${pad}- ${yamlScalar(item)}`);
      } else {
        const sub = yamlLines(item, depth + 1);
        sub[0] = `${pad}- ${sub[0].slice(pad.length + 2)}`;
        lines.push(...sub);
      }
    }
    return lines;
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (isLeaf(item)) {
      lines.push(`${pad}${yamlKey(key)}: ${yamlScalar(item)}`);
    } else if (Array.isArray(item) && item.every((v) => isLeaf(v) && !Array.isArray(v))) {
      const flow = `${pad}${yamlKey(key)}: [${item.map(yamlScalar).join(", ")}]`;
      if (flow.length <= 100) lines.push(flow);
      else lines.push(`${pad}${yamlKey(key)}:`, ...yamlLines(item, depth + 1));
    } else {
      lines.push(`${pad}${yamlKey(key)}:`, ...yamlLines(item, depth + 1));
    }
  }
  return lines;
}

function yamlDump(doc) {
  if (!doc || Object.keys(doc).length === 0) return "{}\n";
  return `${yamlLines(doc, 0).join("\n")}\n`;
}

// --- the draft ---------------------------------------------------------------------------------
function draft(always = true) {
  if (!state.dirty && !always) return {};
  return state.source === "form" ? { document: state.doc } : { yaml: state.yamlText };
}

function setDirty(dirty) {
  state.dirty = dirty;
  $("editor").dataset.dirty = String(dirty);
  $("dirty-flag").hidden = !dirty;
}

/** The form changed a field: the document is the truth now, the YAML view follows. */
function formChanged() {
  state.source = "form";
  state.yamlReadable = true;
  state.yamlText = yamlDump(state.doc);
  $("yaml").value = state.yamlText;
  $("yaml-parse-error").hidden = true;
  $("form-stale").hidden = true;
  setDirty(true);
}

/** The YAML view changed: it is sent as typed; the form follows once the server has read it. */
function yamlChanged() {
  state.source = "yaml";
  state.yamlText = $("yaml").value;
  setDirty(true);
  clearTimeout(state.yamlTimer);
  state.yamlTimer = setTimeout(parseYaml, YAML_DEBOUNCE_MS);
}

async function parseYaml() {
  const seq = ++state.yamlSeq;
  const text = state.yamlText;
  const result = await api("POST", "/admin/yaml", { yaml: text });
  if (seq !== state.yamlSeq || state.source !== "yaml") return;
  const error = $("yaml-parse-error");
  if (result.ok && result.data.document) {
    state.doc = result.data.document;
    state.yamlReadable = true;
    error.hidden = true;
    $("form-stale").hidden = true;
    renderForm();
  } else {
    state.yamlReadable = false;
    const data = result.data || {};
    error.textContent = data.line ? t("yamlLine", { line: data.line, problem: data.problem }) : data.problem || reason(result);
    error.hidden = false;
    $("form-stale").hidden = false;
  }
}

// effective values: the draft's own, else the live pack's (the shared defaults)
const pack = () => (state.loaded ? state.loaded.pack : {});
const effLanguages = () => (Array.isArray(state.doc.languages) ? state.doc.languages : pack().languages || ["de"]);
const ownGreeting = () => (state.doc.prompts && state.doc.prompts.greeting) || null;
const effGreeting = () => ownGreeting() || (pack().prompts || {}).greeting || {};
const effHours = () => (state.doc.hours && typeof state.doc.hours === "object" ? state.doc.hours : pack().hours || {});
const effCatalog = () => (Array.isArray(state.doc.catalog) ? state.doc.catalog : pack().catalog || []);
const ownEscalation = () => (state.doc.escalation && typeof state.doc.escalation === "object" ? state.doc.escalation : {});
const effEscalation = () => ({ ...(pack().escalation || {}), ...ownEscalation() });

function writeGreeting(lang, text) {
  const greeting = { ...effGreeting(), [lang]: text }; // a prompt is overridden in every language at once
  state.doc.prompts = { ...(state.doc.prompts || {}), greeting };
  formChanged();
  const source = $("greeting-source");
  source.textContent = t("overridden");
  source.className = "tag tag-own";
}

// --- the greeting's time-of-day words ------------------------------------------------------------
const GREETING_TIMES = ["morning", "afternoon", "evening"];

/**
 * A greeting template of the form {% if time_of_day == 'morning' %}…{% elif … %}…{% else %}…{% endif %}rest
 * as {morning, afternoon, evening, rest}; null for a greeting without time-of-day words (shown as it is).
 * "night" counts as evening; the else branch fills any time not named.
 */
function splitGreeting(text) {
  if (!text.includes("{%")) return null;
  const parts = text.split(/(\{%-?\s*(?:if|elif|else|endif)\b[^%]*%\})/);
  if (parts[0].trim() !== "" || parts.length < 5) return null;
  if (parts.some((part, i) => i % 2 === 0 && part.includes("{%"))) return null; // another kind of tag
  const words = {};
  let names = null;
  for (let i = 1; i < parts.length; i += 1) {
    if (i % 2 === 0) {
      for (const name of names) words[name] = parts[i];
      continue;
    }
    const tag = parts[i].match(/^\{%-?\s*(if|elif|else|endif)\s*(.*?)\s*-?%\}$/);
    if (!tag) return null;
    if (tag[1] === "if" || tag[1] === "elif") {
      if (tag[2].replace(/time_of_day\s*==\s*'\w+'|\bor\b|\s/g, "") !== "") return null;
      names = [...tag[2].matchAll(/'(\w+)'/g)].map((m) => m[1]);
    } else names = [tag[1] === "else" ? "else" : "rest"];
  }
  const other = words.else ?? "";
  return {
    morning: words.morning ?? other,
    afternoon: words.afternoon ?? other,
    evening: words.evening ?? words.night ?? other,
    rest: words.rest ?? "",
  };
}

/** The template back from the fields (the inverse of splitGreeting); no time words: just the text. */
function joinGreeting(lang, withTimes) {
  const rest = $(`greeting-${lang}`).value;
  if (!withTimes) return rest;
  const [morning, afternoon, evening] = GREETING_TIMES.map((time) => $(`greeting-${lang}-${time}`).value);
  if (!morning && !afternoon && !evening) return rest;
  return (
    `{% if time_of_day == 'morning' %}${morning}{% elif time_of_day == 'evening' or time_of_day == 'night' %}` +
    `${evening}{% else %}${afternoon}{% endif %}${rest}`
  );
}

function writeLanguages() {
  state.doc.languages = LANGS.filter((lang) => $(`language-${lang}`).checked);
  formChanged();
  renderForm();
  renderPreviewControls();
}

function writeHours() {
  const before = effHours();
  const hours = {};
  for (const day of DAYS) {
    const ranges = $(`hours-${day}`)
      .value.split(/[,;\s]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    if (ranges.length || day in before) hours[day] = ranges;
  }
  state.doc.hours = hours;
  formChanged();
}

function writeCatalog(items) {
  state.doc.catalog = items;
  formChanged();
}

function writeEscalation(changes) {
  const escalation = { ...ownEscalation(), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete escalation[key];
  state.doc.escalation = escalation;
  formChanged();
}

// --- rendering the form ------------------------------------------------------------------------
function field(path, labelText, control, extra) {
  return el(
    "div",
    { class: "field", data: { path } },
    el("label", { for: control.id, text: labelText }),
    control,
    extra || null,
    el("p", { class: "field-error", role: "alert", hidden: true }),
  );
}

function group(path, title, hint, ...children) {
  return el(
    "fieldset",
    { class: "field group", data: { path } },
    el("legend", { text: title }),
    hint ? el("p", { class: "hint", text: hint }) : null,
    el("p", { class: "field-error", role: "alert", hidden: true }),
    ...children,
  );
}

function renderForm(focusId) {
  const form = $("form");
  if (!state.loaded) {
    form.replaceChildren();
    return;
  }
  const langs = effLanguages().filter((l) => LANGS.includes(l));
  const focused = focusId || (document.activeElement && form.contains(document.activeElement) ? document.activeElement.id : null);

  // greeting
  const greeting = effGreeting();
  const own = Boolean(ownGreeting());
  const greetingRows = langs.map((lang) => {
    // The time-of-day words as their own fields (no template code for admins); the rest below them.
    const parts = splitGreeting(greeting[lang] || "");
    const write = () => writeGreeting(lang, joinGreeting(lang, parts !== null));
    const times = parts
      ? el(
          "div",
          { class: "greeting-times" },
          ...GREETING_TIMES.map((time) =>
            el(
              "label",
              { class: "greeting-time" },
              el("span", { text: t(`greetingTimes.${time}`) }),
              el("input", { id: `greeting-${lang}-${time}`, value: parts[time], lang, oninput: write }),
            ),
          ),
        )
      : null;
    const area = el("textarea", {
      id: `greeting-${lang}`,
      rows: 3,
      value: parts ? parts.rest : greeting[lang] || "",
      lang,
      oninput: write,
    });
    const hear = el("button", {
      type: "button",
      class: "btn btn-done btn-small hear-btn",
      text: t("hear"),
      data: { lang },
      onclick: () => speak("greeting", lang),
    });
    const row = field(`prompts.greeting.${lang}`, t(`languageNames.${lang}`), area, hear);
    if (times) row.insertBefore(times, area);
    return row;
  });
  const greetingGroup = group(
    "prompts.greeting",
    t("greeting"),
    t("greetingHint"),
    el("p", { class: `tag ${own ? "tag-own" : "tag-inherited"}`, id: "greeting-source", text: own ? t("overridden") : t("inherited") }),
    ...greetingRows,
  );

  // languages
  const languageGroup = group(
    "languages",
    t("languages"),
    null,
    el(
      "div",
      { class: "checks" },
      ...LANGS.map((lang) =>
        el(
          "label",
          { class: "inline-check" },
          el("input", {
            type: "checkbox",
            id: `language-${lang}`,
            checked: effLanguages().includes(lang),
            onchange: writeLanguages,
          }),
          el("span", { text: t(`languageNames.${lang}`) }),
        ),
      ),
    ),
  );

  // hours
  const hours = effHours();
  const hoursGroup = group(
    "hours",
    t("hours"),
    t("hoursHint"),
    el(
      "div",
      { class: "hours" },
      ...DAYS.map((day) =>
        field(
          `hours.${day}`,
          t(`days.${day}`),
          el("input", {
            id: `hours-${day}`,
            value: Array.isArray(hours[day]) ? hours[day].join(", ") : String(hours[day] ?? ""),
            placeholder: t("closed"),
            spellcheck: "false",
            oninput: writeHours,
          }),
        ),
      ),
    ),
  );

  // catalogue
  const items = clone(effCatalog());
  const itemRows = items.map((item, i) => {
    const update = (change) => {
      change(items[i]);
      writeCatalog(clone(items));
    };
    const cells = [
      field(
        `catalog[${i}].sku`,
        t("sku"),
        el("input", { id: `catalog-${i}-sku`, value: item.sku || "", oninput: (e) => update((it) => (it.sku = e.target.value)) }),
      ),
      ...langs.map((lang) =>
        field(
          `catalog[${i}].name.${lang}`,
          t("nameIn", { lang: lang.toUpperCase() }),
          el("input", {
            id: `catalog-${i}-name-${lang}`,
            lang,
            value: (item.name || {})[lang] || "",
            oninput: (e) => update((it) => (it.name = { ...(it.name || {}), [lang]: e.target.value })),
          }),
        ),
      ),
      // the price as the caller hears it, per language ("ab 189 Euro", "from 189 euros"); an older pack's one string
      // is the price in the item's first language
      ...langs.map((lang) =>
        field(
          `catalog[${i}].price.${lang}`,
          t("priceIn", { lang: lang.toUpperCase() }),
          el("input", {
            id: `catalog-${i}-price-${lang}`,
            class: "short",
            lang,
            value: priceIn(item, lang),
            oninput: (e) =>
              update((it) => {
                const prices = typeof it.price === "string" ? { [Object.keys(it.name || {})[0] || lang]: it.price } : { ...(it.price || {}) };
                if (e.target.value.trim()) prices[lang] = e.target.value;
                else delete prices[lang];
                if (Object.keys(prices).length) it.price = prices;
                else delete it.price;
              }),
          }),
        ),
      ),
    ];
    const remove = el("button", {
      type: "button",
      class: "btn btn-plain btn-small remove",
      text: t("remove"),
      onclick: () => {
        items.splice(i, 1);
        writeCatalog(clone(items));
        renderForm();
      },
    });
    return el(
      "div",
      { class: "field item-row", style: `--cols: ${cells.length}`, data: { path: `catalog[${i}]`, index: i } },
      ...cells,
      remove,
      el("p", { class: "field-error", role: "alert", hidden: true }),
    );
  });
  const catalogGroup = group(
    "catalog",
    t("catalog"),
    null,
    el("div", { id: "catalog-items", class: "rows" }, ...itemRows),
    items.length ? null : el("p", { class: "empty", text: t("catalogEmpty") }),
    el("button", {
      type: "button",
      id: "add-item",
      class: "btn btn-plain btn-small",
      text: t("addItem"),
      onclick: () => {
        items.push({ sku: "", name: Object.fromEntries(langs.map((l) => [l, ""])) });
        writeCatalog(clone(items));
        renderForm(`catalog-${items.length - 1}-sku`);
      },
    }),
  );

  // escalation
  const escalation = effEscalation();
  const contacts = clone(escalation.on_call || []);
  const writeContacts = () =>
    writeEscalation({
      on_call: contacts.map((c) => {
        const out = { name: c.name || "", channel: c.channel || "phone" };
        if (c.phone) out.phone = c.phone;
        if (c.url) out.url = c.url;
        return out;
      }),
    });
  const contactRows = contacts.map((contact, i) => {
    const update = (key) => (e) => {
      contacts[i][key] = e.target.value;
      writeContacts();
    };
    const channel = el(
      "select",
      { id: `contact-${i}-channel`, onchange: update("channel") },
      ...CHANNELS.map((c) => el("option", { value: c, text: t(`channels.${c}`), selected: c === contact.channel })),
    );
    channel.value = contact.channel || "phone";
    return el(
      "div",
      { class: "field item-row", style: "--cols: 4", data: { path: `escalation.on_call[${i}]`, index: i } },
      field(`escalation.on_call[${i}].name`, t("contactName"), el("input", { id: `contact-${i}-name`, value: contact.name || "", oninput: update("name") })),
      field(`escalation.on_call[${i}].channel`, t("channel"), channel),
      field(`escalation.on_call[${i}].phone`, t("phone"), el("input", { id: `contact-${i}-phone`, type: "tel", value: contact.phone || "", oninput: update("phone") })),
      field(`escalation.on_call[${i}].url`, t("url"), el("input", { id: `contact-${i}-url`, type: "url", value: contact.url || "", oninput: update("url") })),
      el("button", {
        type: "button",
        class: "btn btn-plain btn-small remove",
        text: t("remove"),
        onclick: () => {
          contacts.splice(i, 1);
          writeContacts();
          renderForm();
        },
      }),
      el("p", { class: "field-error", role: "alert", hidden: true }),
    );
  });
  const escalationGroup = group(
    "escalation",
    t("escalation"),
    null,
    field(
      "escalation.accept_timeout_s",
      t("acceptTimeout"),
      el("input", {
        id: "accept-timeout",
        type: "number",
        min: 5,
        step: 1,
        class: "short",
        value: escalation.accept_timeout_s ?? "",
        oninput: (e) => {
          const n = Number.parseInt(e.target.value, 10);
          writeEscalation({ accept_timeout_s: Number.isNaN(n) ? undefined : n });
        },
      }),
    ),
    el(
      "div",
      { class: "field", data: { path: "escalation.on_call" } },
      el("h4", { text: t("contacts") }),
      el("p", { class: "field-error", role: "alert", hidden: true }),
      el("div", { id: "contacts", class: "rows" }, ...contactRows),
      contacts.length ? null : el("p", { class: "empty", text: t("contactsEmpty") }),
      el("button", {
        type: "button",
        id: "add-contact",
        class: "btn btn-plain btn-small",
        text: t("addContact"),
        onclick: () => {
          contacts.push({ name: "", channel: "phone", phone: "" });
          writeContacts();
          renderForm(`contact-${contacts.length - 1}-name`);
        },
      }),
    ),
  );

  form.replaceChildren(greetingGroup, languageGroup, hoursGroup, catalogGroup, escalationGroup);
  showFieldProblems();
  if (focused && $(focused)) $(focused).focus();
}

// --- problems and tests ------------------------------------------------------------------------
/** The form element a problem belongs to: its field, a more precise one the problem names
 * ("hours" + "mon: …" → hours.mon), else the nearest enclosing one. */
function fieldFor(problem) {
  const form = $("form");
  const find = (path) => form.querySelector(`.field[data-path="${CSS.escape(path)}"]`);
  let path = problem.field || "";
  const shown = problemText(problem);
  const named = /^([\w-]+): /.exec(problem.problem || "");
  if (path && named && find(`${path}.${named[1]}`)) {
    const text = shown.startsWith(named[0]) ? shown.slice(named[0].length) : shown;
    return { node: find(`${path}.${named[1]}`), text };
  }
  while (path) {
    const node = find(path);
    if (node) return { node, text: shown };
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === path) break;
    path = shorter;
  }
  return null;
}

function showFieldProblems() {
  for (const node of document.querySelectorAll("#form .field-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of document.querySelectorAll("#form [aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const node of document.querySelectorAll("#form .field.invalid")) node.classList.remove("invalid");
  const unmatched = [];
  for (const problem of state.problems) {
    const found = fieldFor(problem);
    if (!found) {
      unmatched.push(problem);
      continue;
    }
    const slot = [...found.node.children].find((c) => c.classList.contains("field-error"));
    slot.textContent = slot.textContent ? `${slot.textContent} · ${found.text}` : found.text;
    slot.hidden = false;
    found.node.classList.add("invalid");
    const control = [...found.node.children].find((c) => ["INPUT", "TEXTAREA", "SELECT"].includes(c.tagName));
    if (control) control.setAttribute("aria-invalid", "true");
  }
  const list = $("problems");
  list.replaceChildren(...unmatched.map(problemItem));
  $("problems-box").hidden = unmatched.length === 0;
  // the YAML view lists them all, with the field they are in
  $("yaml-problems").replaceChildren(...state.problems.map(problemItem));
}

/** A problem in the editor's language: the server words it for ?lang= (triage/admin/messages.py). */
function problemText(problem) {
  return problem.message || problem.problem || "";
}

function problemItem(problem) {
  return el(
    "li",
    { data: { field: problem.field || "", code: problem.code || "" } },
    problem.field ? el("code", { class: "path", text: problem.field }) : null,
    el("span", { text: problemText(problem) }),
  );
}

function renderTests() {
  const box = $("tests-box");
  if (!state.tests) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const passed = state.tests.filter((x) => x.passed).length;
  const summary = $("tests-summary");
  summary.textContent = state.tests.length ? t("testsSummary", { passed, total: state.tests.length }) : t("noTests");
  summary.dataset.ok = String(passed === state.tests.length);
  $("tests").replaceChildren(
    ...state.tests.map((test) =>
      el(
        "li",
        { data: { passed: String(Boolean(test.passed)) } },
        el("span", { class: "mark", "aria-hidden": "true", text: test.passed ? "✓" : "✗" }),
        el("span", { class: "name", text: test.name }),
        test.failures && test.failures.length ? el("ul", { class: "failures" }, ...test.failures.map((f) => el("li", { text: String(f) }))) : null,
      ),
    ),
  );
}

function setStatus(kind, key, vars = {}, showReload = false) {
  state.status = kind ? { kind, key, vars, showReload } : null;
  renderStatus();
}

function renderStatus() {
  const box = $("status");
  const s = state.status;
  box.hidden = !s;
  box.dataset.kind = s ? s.kind : "";
  $("status-text").textContent = s ? t(s.key, s.vars) : "";
  $("status-reload").hidden = !(s && s.showReload);
}

function takeCheck(check) {
  state.problems = Array.isArray(check.problems) ? check.problems : [];
  state.problemsLang = state.lang;
  // an invalid pack is not tested: say nothing about its tests rather than "no tests"
  const tested = check.valid !== false || (check.tests && check.tests.length);
  state.tests = tested && Array.isArray(check.tests) ? check.tests : null;
  showFieldProblems();
  renderTests();
}

// --- signing in and out ------------------------------------------------------------------------
/** Someone signed in (console.js has shown the header and set the language): their clients. */
async function openApp(user) {
  if (!["platform_admin", "client_admin"].includes(user.role)) {
    $("app").hidden = false;
    $("home").hidden = true;
    showError(t("notAdmin"));
    return;
  }
  $("app").hidden = false;
  await loadClients();
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && state.clients.some((c) => c.id === wanted)) openClient(wanted);
  else showHome();
}

function closeApp() {
  state.client = null;
  state.loaded = null;
  $("app").hidden = true;
}

function showError(text) {
  $("error").textContent = text || "";
  $("error").hidden = !text;
}

// --- the clients -------------------------------------------------------------------------------
async function loadClients() {
  const result = await api("GET", "/api/admin/clients");
  if (!result.ok) {
    showError(t("failed", { reason: reason(result) }));
    return;
  }
  showError("");
  state.clients = result.data.clients || [];
  renderClients();
  if (state.me && state.me.role === "platform_admin") loadAudit();
}

function renderClients() {
  $("clients").replaceChildren(
    ...state.clients.map((client) =>
      el(
        "li",
        { data: { client: client.id } },
        el(
          "button",
          { type: "button", class: "client", onclick: () => openClient(client.id) },
          el("span", { class: "client-name", text: client.name || client.id }),
          el("code", { class: "client-id", text: client.id }),
          client.error
            ? el("span", { class: "client-error", text: client.error })
            : el("span", {
                class: "meta",
                text: `${(client.languages || []).join(", ").toUpperCase()} · ${t("versionLine", {
                  n: client.number,
                  author: client.author === "files" ? t("sources.files") : client.author,
                  when: when(client.created_at),
                })}`,
              }),
        ),
      ),
    ),
  );
  $("clients-empty").hidden = state.clients.length > 0;
}

async function loadAudit() {
  const result = await api("GET", "/api/admin/audit?limit=100");
  if (!result.ok) return;
  state.audit = result.data.entries || [];
  renderAudit();
}

function renderAudit() {
  const isPlatform = Boolean(state.me && state.me.role === "platform_admin");
  $("audit-box").hidden = !isPlatform;
  if (!isPlatform) return;
  $("audit").tBodies[0].replaceChildren(
    ...state.audit.map((entry) =>
      el(
        "tr",
        { data: { action: entry.action } },
        el("td", { class: "nowrap", text: when(entry.at) }),
        el("td", { text: entry.actor === "files" ? t("sources.files") : entry.actor }),
        el("td", { text: label("auditActions", entry.action) }),
        el("td", { text: entry.client_id || "" }),
        el("td", { class: "detail", text: auditDetail(entry.detail || {}) }),
      ),
    ),
  );
}

/** An audit entry's details as words: "Konto: nora · Rolle: Kunden-Admin · Kunden: kanzlei-nord". */
function auditDetail(detail) {
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== "" && !(Array.isArray(value) && !value.length))
    .map(([key, value]) => {
      const shown = key === "role" ? label("roles", value) : Array.isArray(value) ? value.join(", ") : String(value);
      return `${label("auditKeys", key)}: ${shown}`;
    })
    .join(" · ");
}

function showHome() {
  state.client = null;
  document.body.dataset.view = "clients";
  $("editor").hidden = true;
  $("home").hidden = false;
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
}

// --- one client --------------------------------------------------------------------------------
async function openClient(id) {
  state.client = id;
  state.turns = [];
  state.preview = null;
  state.versions = [];
  state.diff = null;
  state.rollbackTo = null;
  setStatus(null);
  state.problems = [];
  state.tests = null;
  document.body.dataset.view = "editor";
  $("home").hidden = true;
  $("editor").hidden = false;
  $("editor").dataset.client = id;
  history.replaceState(null, "", `#${encodeURIComponent(id)}`);
  $("export").href = clientPath("/export");
  await loadClient();
  selectTab(state.tab);
}

async function loadClient() {
  const result = await api("GET", clientPath());
  if (!result.ok) {
    setStatus("error", "failed", { reason: reason(result) });
    return false;
  }
  state.loaded = result.data;
  state.doc = clone(result.data.document) || {};
  state.yamlText = result.data.yaml;
  state.source = "yaml";
  state.yamlReadable = true;
  $("yaml").value = state.yamlText;
  $("yaml-parse-error").hidden = true;
  $("form-stale").hidden = true;
  setDirty(false);
  $("editor").dataset.version = String(result.data.version.number);
  renderHead();
  renderForm();
  renderPreviewControls();
  if (state.tab === "history") loadVersions();
  return true;
}

function renderHead() {
  if (!state.loaded) return;
  const v = state.loaded.version;
  $("client-title").textContent = `${state.loaded.pack.name} (${state.client})`;
  const author = v.author === "files" ? t("sources.files") : v.author;
  $("client-version").textContent = t("versionLine", { n: v.number, author, when: when(v.created_at) });
}

async function check() {
  setStatus("busy", "checking");
  const result = await api("POST", clientPath(`/validate?lang=${state.lang}`), draft());
  if (!result.ok) {
    setStatus("error", "failed", { reason: reason(result) });
    return;
  }
  takeCheck(result.data);
  const n = state.problems.length;
  setStatus(n ? "invalid" : "valid", n ? "checkProblems" : "checkOk", { n });
}

async function save() {
  if (!state.dirty) {
    setStatus("info", "nothingChanged");
    return;
  }
  setStatus("busy", "saving");
  $("save").disabled = true;
  const body = {
    ...draft(),
    comment: $("save-comment").value,
    base_version: state.loaded.version.number,
    require_tests: $("require-tests").checked,
  };
  const result = await api("PUT", clientPath(`?lang=${state.lang}`), body);
  $("save").disabled = false;
  if (result.status === 409) {
    setStatus("conflict", "conflict", {}, true);
    return;
  }
  if (!result.ok) {
    const detail = result.data && result.data.detail;
    if (detail && typeof detail === "object" && !Array.isArray(detail)) {
      takeCheck(detail);
      if (detail.valid && detail.tests_pass === false) setStatus("invalid", "notSavedTests");
      else setStatus("invalid", "notSavedProblems", { n: state.problems.length });
    } else {
      setStatus("error", "notSaved", { reason: reason(result) });
    }
    return;
  }
  takeCheck(result.data);
  $("save-comment").value = "";
  await loadClient();
  setStatus("saved", "saved", { n: result.data.version.number });
}

async function importFile(file) {
  if (!file) return;
  const text = await file.text();
  setStatus("busy", "saving");
  const comment = $("save-comment").value || `imported ${file.name}`;
  const result = await api("POST", clientPath(`/import?comment=${encodeURIComponent(comment)}&lang=${state.lang}`), text, {
    contentType: "application/yaml",
  });
  $("import-file").value = "";
  if (!result.ok) {
    const detail = result.data && result.data.detail;
    if (detail && typeof detail === "object" && !Array.isArray(detail)) {
      takeCheck(detail);
      setStatus("invalid", "notSavedProblems", { n: state.problems.length });
    } else setStatus("error", "notSaved", { reason: reason(result) });
    return;
  }
  takeCheck(result.data);
  $("save-comment").value = "";
  await loadClient();
  setStatus("saved", "imported", { n: result.data.version.number });
}

// --- tabs --------------------------------------------------------------------------------------
function selectTab(tab) {
  state.tab = tab;
  for (const name of ["form", "yaml", "preview", "history"]) {
    $(`tab-${name}`).setAttribute("aria-selected", String(name === tab));
    $(`panel-${name}`).hidden = name !== tab;
  }
  if (tab === "history") loadVersions();
  if (tab === "preview" && !state.preview) runPreview();
}

// --- history -----------------------------------------------------------------------------------
async function loadVersions() {
  if (!state.client) return;
  const result = await api("GET", clientPath("/versions"));
  if (!result.ok) return;
  state.versions = result.data.versions || [];
  renderVersions();
}

function renderVersions() {
  const newest = state.versions.length ? state.versions[0].number : null;
  $("versions").replaceChildren(
    ...state.versions.map((v) => {
      const total = v.tests.passed + v.tests.failed;
      return el(
        "li",
        { data: { version: String(v.number), source: v.source } },
        el(
          "div",
          { class: "version-head" },
          el("strong", { text: `${t("yamlHeading", { n: v.number })}` }),
          v.number === newest ? el("span", { class: "tag tag-own", text: t("live") }) : null,
          el("span", { class: "meta", text: [v.author === "files" ? null : v.author, when(v.created_at), t(`sources.${v.source}`)].filter(Boolean).join(" · ") }),
          total ? el("span", { class: `meta ${v.tests.failed ? "bad" : "good"}`, text: t("testsShort", { passed: v.tests.passed, total }) }) : null,
        ),
        v.comment ? el("p", { class: "version-comment", text: v.comment }) : null,
        el(
          "div",
          { class: "version-actions" },
          el("button", {
            type: "button",
            class: "btn btn-plain btn-small diff-btn",
            text: t("showDiff"),
            disabled: v.number === 1,
            onclick: () => showDiff(v.number - 1, v.number),
          }),
          el("button", { type: "button", class: "btn btn-plain btn-small yaml-btn", text: t("showYaml"), onclick: () => showVersion(v.number) }),
          v.number === newest
            ? null
            : el("button", {
                type: "button",
                class: "btn btn-plain btn-small rollback",
                text: t("rollback"),
                onclick: () => askRollback(v.number),
              }),
        ),
      );
    }),
  );
  renderRollback();
  renderDiff();
}

async function showDiff(older, newer) {
  const result = await api("GET", clientPath(`/diff?older=${older}&newer=${newer}`));
  if (!result.ok) {
    setStatus("error", "failed", { reason: reason(result) });
    return;
  }
  state.diff = { key: "diffHeading", vars: { older, newer }, text: result.data, kind: "diff" };
  renderDiff();
}

async function showVersion(number) {
  const result = await api("GET", clientPath(`/versions/${number}`));
  if (!result.ok) {
    setStatus("error", "failed", { reason: reason(result) });
    return;
  }
  state.diff = { key: "yamlHeading", vars: { n: number }, text: result.data.yaml, kind: "yaml" };
  renderDiff();
}

function renderDiff() {
  const box = $("diff-box");
  box.hidden = !state.diff;
  if (!state.diff) return;
  $("diff-heading").textContent = t(state.diff.key, state.diff.vars);
  const pre = $("diff");
  pre.dataset.kind = state.diff.kind;
  if (!state.diff.text) {
    pre.replaceChildren(el("span", { class: "empty", text: t("noDiff") }));
    return;
  }
  pre.replaceChildren(
    ...state.diff.text.split("\n").map((line) => {
      let kind = "";
      if (state.diff.kind === "diff") {
        if (line.startsWith("+++") || line.startsWith("---")) kind = "file";
        else if (line.startsWith("@@")) kind = "hunk";
        else if (line.startsWith("+")) kind = "add";
        else if (line.startsWith("-")) kind = "del";
      }
      return el("span", { class: `line ${kind}`, text: `${line}\n` });
    }),
  );
}

function askRollback(number) {
  state.rollbackTo = number;
  $("rollback-comment").value = "";
  renderRollback();
  $("rollback-confirm").focus();
}

function renderRollback() {
  $("rollback-box").hidden = state.rollbackTo == null;
  if (state.rollbackTo != null) $("rollback-question").textContent = t("rollbackQuestion", { n: state.rollbackTo });
}

async function rollback() {
  const number = state.rollbackTo;
  if (number == null) return;
  const result = await api("POST", clientPath("/rollback"), { version: number, comment: $("rollback-comment").value });
  state.rollbackTo = null;
  renderRollback();
  if (!result.ok) {
    setStatus("error", "failed", { reason: reason(result) });
    return;
  }
  state.problems = [];
  state.tests = null;
  showFieldProblems();
  renderTests();
  await loadClient();
  await loadVersions();
  setStatus("saved", "rolledBack", { old: number, n: result.data.version.number });
}

// --- preview: a text call against the draft, and prompts spoken ---------------------------------
function renderPreviewControls() {
  if (!state.loaded) return;
  const langs = effLanguages().filter((l) => LANGS.includes(l));
  const fill = (select, values, labelOf) => {
    const current = select.value;
    select.replaceChildren(...values.map((v) => el("option", { value: v, text: labelOf(v) })));
    if (values.includes(current)) select.value = current;
  };
  fill($("preview-lang"), ["", ...langs], (v) => (v ? t(`languageNames.${v}`) : t("automatic")));
  fill($("hear-lang"), langs, (v) => t(`languageNames.${v}`));
  const keys = Object.keys(pack().prompts || {}).filter((k) => !k.endsWith("_words"));
  fill($("hear-key"), keys, (k) => label("prompts", k));
  if (!$("hear-key").value && keys.includes("greeting")) $("hear-key").value = "greeting";
  fill($("hear-time"), TIMES, (v) => t(`times.${v}`));
}

async function runPreview() {
  if (!state.client) return;
  const body = { ...draft(false), turns: state.turns };
  const lang = $("preview-lang").value;
  if (lang) body.lang = lang;
  $("preview-send").disabled = true;
  const result = await api("POST", clientPath("/preview"), body);
  $("preview-send").disabled = false;
  if (!result.ok) {
    const detail = result.data && result.data.detail;
    if (detail && typeof detail === "object" && !Array.isArray(detail)) {
      takeCheck(detail);
      setStatus("invalid", "checkProblems", { n: state.problems.length });
    } else setStatus("error", "failed", { reason: reason(result) });
    state.turns.pop();
    return;
  }
  state.preview = result.data;
  renderPreview();
}

function renderPreview() {
  const p = state.preview;
  $("preview-transcript").replaceChildren(
    ...(p ? p.transcript : []).map((turn) =>
      el(
        "li",
        { data: { role: turn.role } },
        el("span", { class: "who", text: turn.role === "caller" ? t("roleCaller") : t("roleBot") }),
        el("span", { class: "said", text: turn.text }),
      ),
    ),
  );
  const list = $("preview-transcript");
  list.scrollTop = list.scrollHeight;
  const outcome = $("preview-outcome");
  outcome.hidden = !(p && p.outcome);
  if (p && p.outcome) {
    const o = p.outcome;
    const why = o.summary && ((o.summary.words || {})[state.lang] || o.summary).urgency_reason; // the admin's language
    outcome.textContent = t("outcome", { what: [label("outcomes", o.type), o.urgency, why].filter(Boolean).join(" · ") });
    outcome.dataset.type = o.type;
  }
}

function restartPreview() {
  state.turns = [];
  state.preview = null;
  renderPreview();
  runPreview();
}

async function sendTurn(event) {
  event.preventDefault();
  const input = $("preview-input");
  const text = input.value.trim();
  if (!text) return;
  state.turns.push(text);
  input.value = "";
  await runPreview();
  input.focus();
}

function decodeHeader(text) {
  return (text || "").replace(/\\x([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})/g, (_, a, b, c) =>
    String.fromCodePoint(Number.parseInt(a || b || c, 16)),
  );
}

async function speak(key, lang, timeOfDay) {
  const body = { ...draft(false), key, lang };
  if (timeOfDay) body.time_of_day = timeOfDay;
  const result = await api("POST", clientPath("/speak"), body, { raw: true });
  if (!result.ok) {
    const detail = result.data && result.data.detail;
    if (detail && typeof detail === "object" && !Array.isArray(detail)) {
      takeCheck(detail);
      setStatus("invalid", "checkProblems", { n: state.problems.length });
    } else setStatus("error", "failed", { reason: reason(result) });
    return;
  }
  const blob = await result.response.blob();
  if (state.audioUrl) URL.revokeObjectURL(state.audioUrl);
  state.audioUrl = URL.createObjectURL(blob);
  const audio = $("audio");
  audio.src = state.audioUrl;
  audio.dataset.bytes = String(blob.size);
  audio.dataset.key = key;
  audio.dataset.lang = lang;
  const said = $("hear-text");
  said.textContent = t("spoken", { text: decodeHeader(result.response.headers.get("X-Triage-Text")) });
  said.hidden = false;
  audio.play().catch(() => {
    /* autoplay refused: the controls are there */
  });
}

// --- wiring ------------------------------------------------------------------------------------
/** After a switch of the interface language: the problems on show, worded again in the new one. */
async function rewordProblems() {
  if (!state.problems.length || !state.problemsLang || state.problemsLang === state.lang) return;
  const lang = state.lang;
  state.problemsLang = lang;
  const result = await api("POST", clientPath(`/validate?lang=${lang}`), draft());
  if (!result.ok || state.lang !== lang) return;
  state.problems = Array.isArray(result.data.problems) ? result.data.problems : [];
  showFieldProblems();
}

function renderAll() {
  renderWho();
  if (!state.me) return;
  rewordProblems();
  renderClients();
  renderAudit();
  if (state.loaded && state.client) {
    renderHead();
    renderForm();
    renderTests();
    renderStatus();
    renderPreviewControls();
    renderPreview();
    renderVersions();
  }
}

function wire() {
  $("back").addEventListener("click", async () => {
    showHome();
    await loadClients();
  });
  for (const name of ["form", "yaml", "preview", "history"]) {
    $(`tab-${name}`).addEventListener("click", () => selectTab(name));
  }
  $("yaml").addEventListener("input", yamlChanged);
  $("check").addEventListener("click", check);
  $("save").addEventListener("click", save);
  $("reload").addEventListener("click", async () => {
    setStatus(null);
    takeCheck({});
    await loadClient();
  });
  $("status-reload").addEventListener("click", async () => {
    setStatus(null);
    takeCheck({});
    await loadClient();
  });
  $("import-file").addEventListener("change", (e) => importFile(e.target.files[0]));
  $("rollback-confirm").addEventListener("click", rollback);
  $("rollback-cancel").addEventListener("click", () => {
    state.rollbackTo = null;
    renderRollback();
  });
  $("preview-form").addEventListener("submit", sendTurn);
  $("preview-restart").addEventListener("click", restartPreview);
  $("preview-lang").addEventListener("change", restartPreview);
  $("hear").addEventListener("click", () => speak($("hear-key").value, $("hear-lang").value, $("hear-time").value));
  window.addEventListener("beforeunload", (event) => {
    if (state.dirty) event.preventDefault();
  });
}

wire();
start();

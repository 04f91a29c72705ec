// The agent console: sign in, the live queue of handoffs (pushed over WS /ws/agent, never polled),
// and one handoff's details with accept / note / resolve / give back. Talks to triage/handoff/api.py.
// An accepted browser call whose caller waits on hold can be taken here: "Take call" opens
// WS /ws/agent/call/{id} (triage/handoff/voice_api.py), PCM16 16 kHz both ways, like call.js.
//
// Everything from the server is put into the page with textContent, never innerHTML: a caller's
// words and names are data, not markup. Tests read the DOM: #queue li[data-handoff-id][data-status],
// #detail[data-status], #accept, #detail-address, body[data-beeps], html[lang], and for a taken call
// #agent-call[data-state] and window.triageAgentCall ({state, receivedBytes, sentBytes}).
// Signing in and out, the DE/EN toggle, t() and api() are console.js's, shared with the admin editor.

import { $, createConsole, el, phoneText } from "./console.js";
import { PcmPlayer } from "./playback.js";

const OPEN = ["waiting", "returned", "offered", "callback"]; // an agent may still accept it
const ACTIVE = [...OPEN, "accepted"]; // shown in the queue
const RESOLUTIONS = ["helped", "called_back", "dispatched", "transferred", "unreachable", "no_action", "spam"];
const URGENT = ["P0", "P1"]; // a new one flashes and beeps
const FLASH_MS = 12000;
const LANG_KEY = "triage.agent.lang";
const CALL_RATE = 16000; // PCM16 mono both ways on the agent's line, as on the call page
const PLAYBACK_LEAD = 0.06; // seconds of headroom when playback (re)starts
const CALL_CLOSE_GRACE_MS = 2000; // after our hangup the server closes the line; we close it after this
const LIVE_CALL = ["mic", "connecting", "connected"];
const NOT_ON_LINE = "the caller is not on the line here";

const STRINGS = {
  de: {
    title: "Agenten-Konsole",
    kicker: "Übergaben vom Sprachassistenten",
    uiLanguage: "Sprache der Oberfläche",
    signIn: "Anmelden",
    signInButton: "Anmelden",
    signOut: "Abmelden",
    username: "Benutzername",
    password: "Passwort",
    signedInAs: "Angemeldet als {name}",
    queue: "Warteschlange",
    queueEmpty: "Niemand wartet.",
    showTests: "Testanrufe zeigen",
    testCalls: "Testanrufe",
    testsNote: "Nur zum Ausprobieren: nicht in der Warteschlange, niemand wird alarmiert.",
    testsEmpty: "Keine Testanrufe.",
    testBadge: "TEST",
    testKinds: { handoff: "Übergabe", order: "Bestellung", message: "Nachricht" },
    detail: "Übergabe",
    detailNone: "Wählen Sie links eine Übergabe.",
    accept: "Annehmen",
    giveBack: "Zurückgeben",
    resolution: "Ergebnis",
    resolve: "Abschließen",
    callerName: "Anrufer",
    callbackNumber: "Rückrufnummer",
    address: "Adresse",
    recommended: "Empfehlung",
    distress: "Verfassung",
    collected: "Aufgenommen",
    handoffReason: "Übergeben weil",
    call: "Anruf",
    transcript: "Gesprächsverlauf",
    notes: "Notizen",
    noteLabel: "Notiz",
    addNote: "Notiz hinzufügen",
    events: "Verlauf",
    deliveries: "Webhook-Zustellungen",
    deliveriesEmpty: "Keine Webhook-Zustellungen.",
    noNotes: "Keine Notizen.",
    recording: "Aufzeichnung",
    recordingRecorded: "Mit Einwilligung aufgezeichnet ({seconds} s): links der Anrufer, rechts der Assistent. Jedes Abspielen wird protokolliert.",
    recordingWithdrawn: "Keine Aufzeichnung: Der Anrufer hat seine Einwilligung im Gespräch widerrufen; das bis dahin Aufgezeichnete wurde gelöscht.",
    recordingDeclined: "Keine Aufzeichnung: Der Anrufer hat nicht eingewilligt.",
    recordingNotStored: "Keine Aufzeichnung gespeichert (eingewilligt, aber auf dem Server ist die Aufzeichnung aus oder sie wurde gelöscht).",
    recordingNotAsked: "Nicht aufgezeichnet.",
    recordingHandedOver: "Um {time} wurde das Telefon an eine andere Person weitergegeben; ab da wurde nichts mehr aufgezeichnet.",
    unknown: "unbekannt",
    none: "–",
    confirmed: "bestätigt",
    notConfirmed: "nicht bestätigt",
    you: "Sie",
    roleCaller: "Anrufer",
    roleBot: "Assistent",
    waitingFor: "wartet seit {time}",
    justNow: "< 1 min",
    minutes: "{n} min",
    hours: "{h} h {m} min",
    callerOnLine: "Anrufer in der Leitung",
    callerGone: "Anrufer nicht mehr in der Leitung",
    takenBy: "Bereits übernommen von {name}.",
    newUrgent: "Neu: {urgency} – {what}",
    live: "Live",
    reconnecting: "Verbindung unterbrochen – neuer Versuch …",
    offline: "Offline",
    wrongLogin: "Benutzername oder Passwort falsch.",
    failed: "Das hat nicht geklappt: {reason}",
    attempt: "Versuch",
    attemptLine: "{time}: {result}",
    noAttempts: "noch kein Versuch",
    nextAttempt: "nächster Versuch {time}",
    ms: "{n} ms",
    statuses: {
      waiting: "wartet",
      returned: "zurück in der Warteschlange",
      offered: "wird durchgestellt",
      callback: "Rückruf versprochen",
      accepted: "angenommen von {name}",
      resolved: "abgeschlossen",
      abandoned: "aufgegeben",
      test: "Testanruf (nicht in der Warteschlange)",
    },
    urgencies: {
      P0: "P0 Lebensgefahr",
      P1: "P1 Notfall",
      P2: "P2 dringend",
      P3: "P3 Routine",
      P4: "P4 keine Aktion",
    },
    distresses: { none: "ruhig", elevated: "aufgewühlt", acute: "akut belastet" },
    resolutions: {
      helped: "geholfen",
      called_back: "zurückgerufen",
      dispatched: "Techniker geschickt",
      transferred: "weitergeleitet",
      unreachable: "nicht erreicht",
      no_action: "nichts zu tun",
      spam: "Spam",
    },
    fields: { name: "Name", phone: "Telefon", address: "Adresse", order: "Bestellung", message: "Nachricht", when: "Wann" },
    reasons: {
      p0: "Gefahr für Menschen",
      p1: "Notfall",
      p2: "dringendes Anliegen",
      distress: "Anrufer in akuter Not",
      requested: "Anrufer wollte einen Menschen",
      failures: "Assistent hat nicht verstanden",
      silence: "Anrufer hat nicht geantwortet",
      error: "technischer Fehler",
      hangup: "Anrufer hat aufgelegt",
      order_status: "Frage zum Bestellstand",
      routine: "Anliegen für einen Mitarbeiter",
      after_hours: "außerhalb der Geschäftszeiten",
    },
    kinds: {
      created: "eingegangen",
      accepted: "angenommen",
      returned: "zurückgegeben",
      note: "Notiz",
      resolved: "abgeschlossen",
      offered: "durchgestellt",
      callback: "Rückruf versprochen",
      escalated: "an Bereitschaft eskaliert",
      caller_left: "Anrufer aufgelegt",
      caller_back: "Anrufer wieder in der Leitung",
      caller_said: "Anrufer sagte in der Warteschleife",
      line_lost: "Leitung zum Anrufer verloren",
      alert: "Bereitschaft alarmiert",
      alert_not_sent: "Bereitschaft NICHT erreicht",
      transfer_started: "Weiterleitung gestartet",
      transfer_target: "Weiterleitung an",
      transfer_answered: "Weiterleitung angenommen",
      transfer_completed: "Weiterleitung abgeschlossen",
      transfer_unanswered: "Weiterleitung nicht angenommen",
      transfer_failed: "Weiterleitung fehlgeschlagen",
      transfer_no_phone: "keine Telefonnummer für die Weiterleitung",
      transfer_not_configured: "Weiterleitung nicht möglich: Telefonie nicht eingerichtet",
    },
    channels: { sms: "per SMS", phone: "per Anruf", webhook: "per Webhook" },
    lines: { twilio: "Telefon", browser: "Browser", text: "Text-Chat", test: "Testanruf" },
    alertResults: { sms_sent: "SMS gesendet", calling: "wird angerufen", ringing: "Anrufer wird durchgestellt" },
    alertReasons: {
      not_configured: "Telefonie (Twilio) ist nicht eingerichtet",
      no_from_number: "das Paket hat keine Absendernummer",
      no_public_url: "öffentliche Adresse des Servers fehlt (TRIAGE_PUBLIC_URL)",
      unsupported: "dieser Kontaktweg wird nicht unterstützt",
      conflict: "ein anderes Telefon klingelt bereits",
      failed: "Versand fehlgeschlagen",
      error: "technischer Fehler",
    },
    level: "Stufe {n}",
    deliveryStatuses: { pending: "ausstehend", delivered: "zugestellt", failed: "fehlgeschlagen" },
    actors: { caller: "Anrufer", system: "System" },
    takeCall: "Anruf übernehmen",
    hangUp: "Auflegen",
    callStates: {
      idle: "Der Anrufer wartet in der Leitung.",
      mic: "Mikrofon wird eingeschaltet …",
      connecting: "Verbindung zum Anrufer wird aufgebaut …",
      connected: "Sie sprechen mit dem Anrufer.",
      ended: "Der Anrufer hat aufgelegt.",
      hungup: "Sie haben aufgelegt. Schließen Sie die Übergabe ab.",
      lost: "Verbindung zum Anrufer unterbrochen. Er wartet wieder in der Warteschleife.",
      failed: "Der Anruf konnte nicht übernommen werden.",
    },
    callUnsupported: "Dieser Browser kann kein Mikrofon aufnehmen (die Seite braucht https oder localhost).",
    micError: "Kein Zugriff auf das Mikrofon: {reason}",
    notOnLine: "Der Anrufer ist nicht mehr in der Leitung.",
  },
  en: {
    title: "Agent console",
    kicker: "Handoffs from the voice assistant",
    uiLanguage: "Interface language",
    signIn: "Sign in",
    signInButton: "Sign in",
    signOut: "Sign out",
    username: "Username",
    password: "Password",
    signedInAs: "Signed in as {name}",
    queue: "Queue",
    queueEmpty: "Nobody is waiting.",
    showTests: "Show test calls",
    testCalls: "Test calls",
    testsNote: "For trying packs only: not in the queue, nobody is alerted.",
    testsEmpty: "No test calls.",
    testBadge: "TEST",
    testKinds: { handoff: "Handoff", order: "Order", message: "Message" },
    detail: "Handoff",
    detailNone: "Choose a handoff on the left.",
    accept: "Accept",
    giveBack: "Give back",
    resolution: "Resolution",
    resolve: "Resolve",
    callerName: "Caller",
    callbackNumber: "Callback number",
    address: "Address",
    recommended: "Recommended",
    distress: "Caller state",
    collected: "Collected",
    handoffReason: "Handed over because",
    call: "Call",
    transcript: "Transcript",
    notes: "Notes",
    noteLabel: "Note",
    addNote: "Add note",
    events: "History",
    deliveries: "Webhook deliveries",
    deliveriesEmpty: "No webhook deliveries.",
    noNotes: "No notes.",
    recording: "Recording",
    recordingRecorded: "Recorded with consent ({seconds} s): caller on the left, assistant on the right. Every play is logged.",
    recordingWithdrawn: "Not recorded: the caller withdrew consent during the call; what had been recorded was deleted.",
    recordingDeclined: "Not recorded: the caller did not consent.",
    recordingNotStored: "No recording stored (consent given, but recording is off on the server or it was deleted).",
    recordingNotAsked: "Not recorded.",
    recordingHandedOver: "At {time} the phone was handed to someone else; nothing after that was recorded.",
    unknown: "unknown",
    none: "–",
    confirmed: "confirmed",
    notConfirmed: "not confirmed",
    you: "you",
    roleCaller: "Caller",
    roleBot: "Assistant",
    waitingFor: "waiting {time}",
    justNow: "< 1 min",
    minutes: "{n} min",
    hours: "{h} h {m} min",
    callerOnLine: "caller on the line",
    callerGone: "caller no longer on the line",
    takenBy: "Already taken by {name}.",
    newUrgent: "New: {urgency} – {what}",
    live: "Live",
    reconnecting: "Connection lost – retrying …",
    offline: "Offline",
    wrongLogin: "Wrong username or password.",
    failed: "That did not work: {reason}",
    attempt: "Attempt",
    attemptLine: "{time}: {result}",
    noAttempts: "no attempt yet",
    nextAttempt: "next attempt {time}",
    ms: "{n} ms",
    statuses: {
      waiting: "waiting",
      returned: "back in the queue",
      offered: "being put through",
      callback: "callback promised",
      accepted: "accepted by {name}",
      resolved: "resolved",
      abandoned: "abandoned",
      test: "test call (not queued)",
    },
    urgencies: {
      P0: "P0 danger to life",
      P1: "P1 emergency",
      P2: "P2 urgent",
      P3: "P3 routine",
      P4: "P4 no action",
    },
    distresses: { none: "calm", elevated: "upset", acute: "in acute distress" },
    resolutions: {
      helped: "helped",
      called_back: "called back",
      dispatched: "technician dispatched",
      transferred: "transferred",
      unreachable: "unreachable",
      no_action: "nothing to do",
      spam: "spam",
    },
    fields: { name: "Name", phone: "Phone", address: "Address", order: "Order", message: "Message", when: "When" },
    reasons: {
      p0: "danger to people",
      p1: "emergency",
      p2: "urgent request",
      distress: "caller in acute distress",
      requested: "caller asked for a human",
      failures: "assistant did not understand",
      silence: "caller did not answer",
      error: "technical failure",
      hangup: "caller hung up",
      order_status: "question about an order",
      routine: "request for an agent",
      after_hours: "outside business hours",
    },
    kinds: {
      created: "arrived",
      accepted: "accepted",
      returned: "given back",
      note: "note",
      resolved: "resolved",
      offered: "put through",
      callback: "callback promised",
      escalated: "escalated to on-call",
      caller_left: "caller hung up",
      caller_back: "caller back on the line",
      caller_said: "caller said while on hold",
      line_lost: "line to the caller lost",
      alert: "on-call contact alerted",
      alert_not_sent: "on-call contact NOT reached",
      transfer_started: "transfer started",
      transfer_target: "transfer to",
      transfer_answered: "transfer answered",
      transfer_completed: "transfer completed",
      transfer_unanswered: "transfer not answered",
      transfer_failed: "transfer failed",
      transfer_no_phone: "no phone number to transfer to",
      transfer_not_configured: "transfer impossible: telephony not set up",
    },
    channels: { sms: "by SMS", phone: "by phone", webhook: "by webhook" },
    lines: { twilio: "phone", browser: "browser", text: "text chat", test: "test call" },
    alertResults: { sms_sent: "SMS sent", calling: "being called", ringing: "caller being put through" },
    alertReasons: {
      not_configured: "telephony (Twilio) is not set up",
      no_from_number: "the pack has no number to send from",
      no_public_url: "the server's public address is missing (TRIAGE_PUBLIC_URL)",
      unsupported: "this channel is not supported",
      conflict: "another phone is already ringing",
      failed: "sending failed",
      error: "technical failure",
    },
    level: "level {n}",
    deliveryStatuses: { pending: "pending", delivered: "delivered", failed: "failed" },
    actors: { caller: "caller", system: "system" },
    takeCall: "Take call",
    hangUp: "Hang up",
    callStates: {
      idle: "The caller is waiting on the line.",
      mic: "Turning on the microphone …",
      connecting: "Connecting to the caller …",
      connected: "You are speaking with the caller.",
      ended: "The caller hung up.",
      hungup: "You hung up. Resolve the handoff when you are done.",
      lost: "The line to the caller was lost. They are back on hold.",
      failed: "Could not take the call.",
    },
    callUnsupported: "This browser cannot record the microphone (the page needs https or localhost).",
    micError: "No access to the microphone: {reason}",
    notOnLine: "The caller is no longer on the line.",
  },
};

const state = {
  lang: "de",
  me: null,
  handoffs: new Map(), // id → the queue's view of it (from the websocket)
  selected: null, // id of the open handoff
  detail: null, // the full view of the open handoff (transcript, deliveries)
  recording: null, // the open call's recording status (triage/privacy/recording_api.py)
  flashing: new Map(), // id → time its flash ends
  ws: null,
  retryMs: 500,
  retryTimer: null,
  snapshots: 0,
  audio: null,
  message: null, // {key, vars} of the detail's message, re-rendered on a language change
  call: null, // the call taken in this console (the last one, also once it has ended)
  callsOver: new Set(), // handoff ids whose caller is no longer on the line, as far as we know
  tests: null, // admins' "show test calls": {handoffs, orders, messages} from /api/admin/test-calls, or null
  testsTimer: null,
};

const { t, label, renderWho, api, reason, signedOut, start } = createConsole({
  state,
  strings: STRINGS,
  langKey: LANG_KEY,
  langIds: "lang",
  render: renderAll,
  signedIn: openConsole,
  signedOut: closeConsole,
  beforeSignIn: unlockAudio, // a user gesture: the beep may play later
});

/** What depends on the language, once it is set or changed. */
function renderAll() {
  fillResolutions();
  renderWho();
  renderLive(state.ws && state.ws.readyState === WebSocket.OPEN ? "live" : $("live").dataset.state);
  renderQueue();
  renderDetail();
  renderTests();
}

function fillResolutions() {
  const select = $("resolution");
  const current = select.value;
  select.replaceChildren(
    ...RESOLUTIONS.map((value) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label("resolutions", value);
      return option;
    }),
  );
  if (current) select.value = current;
}

// --- formatting --------------------------------------------------------------------------------
/** The summary in the console's language: its headline, recommended action and text (summary.words). */
function readable(summary) {
  const s = summary || {};
  return { ...s, ...((s.words || {})[state.lang] || {}) };
}

function time(iso) {
  if (!iso) return t("none");
  const at = new Date(iso);
  const today = new Date().toDateString() === at.toDateString();
  const options = today
    ? { hour: "2-digit", minute: "2-digit", second: "2-digit" }
    : { day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" };
  return new Intl.DateTimeFormat(state.lang === "en" ? "en-GB" : "de-DE", options).format(at);
}

function waited(iso) {
  const minutes = Math.floor((Date.now() - new Date(iso).getTime()) / 60000);
  if (minutes < 1) return t("justNow");
  if (minutes < 60) return t("minutes", { n: minutes });
  return t("hours", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

function statusText(h) {
  if (h.status === "accepted") {
    const name = h.assigned_to || t("unknown");
    const mine = state.me && h.assigned_to === state.me.username;
    return t("statuses.accepted", { name: mine ? `${name} (${t("you")})` : name });
  }
  if (h.status === "resolved" && h.resolution) {
    return `${t("statuses.resolved")}: ${label("resolutions", h.resolution)}`;
  }
  return label("statuses", h.status);
}

// --- signing in and out ------------------------------------------------------------------------
/** Someone signed in (console.js has shown the header and set the language): the live queue. */
function openConsole() {
  $("console").hidden = false;
  $("live").hidden = false;
  // test calls are the admins' own (triage/auth.py roles); agents never see the switch
  $("show-tests-switch").hidden = !(state.me && ["platform_admin", "client_admin"].includes(state.me.role));
  connect();
}

function closeConsole() {
  if (state.call && LIVE_CALL.includes(state.call.state)) hangUpCall();
  if (state.ws) {
    state.ws.onclose = null;
    state.ws.close();
    state.ws = null;
  }
  clearTimeout(state.retryTimer);
  state.handoffs.clear();
  state.selected = null;
  state.detail = null;
  state.snapshots = 0;
  $("show-tests").checked = false;
  showTests(false);
  $("console").hidden = true;
  $("live").hidden = true;
}

// --- the live queue ----------------------------------------------------------------------------
function connect() {
  clearTimeout(state.retryTimer);
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${scheme}//${location.host}/ws/agent`);
  state.ws = ws;
  ws.onmessage = (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch (_) {
      return;
    }
    if (message.type === "snapshot") onSnapshot(message);
    else if (message.type === "handoff") onChange(message.event, message.handoff);
  };
  ws.onclose = (event) => {
    if (state.ws !== ws) return;
    state.ws = null;
    if (event.code === 1008) {
      signedOut(); // the session expired or was revoked
      return;
    }
    renderLive("reconnecting");
    state.retryTimer = setTimeout(connect, state.retryMs);
    state.retryMs = Math.min(state.retryMs * 2, 8000);
  };
}

function renderLive(which) {
  const live = $("live");
  live.dataset.state = which || "offline";
  live.textContent = t(which || "offline");
}

function onSnapshot(message) {
  state.retryMs = 500;
  renderLive("live");
  if (message.user) state.me = message.user;
  const first = state.snapshots === 0;
  state.snapshots += 1;
  const before = new Set(state.handoffs.keys());
  state.handoffs = new Map(message.handoffs.map((h) => [h.id, h]));
  if (!first) {
    // handoffs that arrived while the socket was down
    for (const h of message.handoffs) if (!before.has(h.id)) announce(h);
  }
  renderQueue();
  if (state.selected) refreshDetail();
}

function onChange(event, handoff) {
  const known = state.handoffs.has(handoff.id);
  if (ACTIVE.includes(handoff.status)) state.handoffs.set(handoff.id, handoff);
  else state.handoffs.delete(handoff.id);
  if (!known && event === "created" && ACTIVE.includes(handoff.status)) announce(handoff);
  renderQueue();
  if (state.selected === handoff.id) {
    state.detail = { ...(state.detail || {}), ...handoff };
    renderDetail();
    refreshDetail(); // the transcript and webhook deliveries are not pushed
  }
}

function sortKey(a, b) {
  if (a.urgency !== b.urgency) return a.urgency < b.urgency ? -1 : 1;
  const acuteA = a.distress === "acute" ? 0 : 1;
  const acuteB = b.distress === "acute" ? 0 : 1;
  if (acuteA !== acuteB) return acuteA - acuteB;
  return new Date(a.created_at) - new Date(b.created_at);
}

function renderQueue() {
  const list = $("queue");
  const items = [...state.handoffs.values()].sort(sortKey);
  const now = Date.now();
  list.replaceChildren(
    ...items.map((h) => {
      const summary = readable(h.summary);
      const flashing = (state.flashing.get(h.id) || 0) > now;
      const what = [summary.caller_name || t("unknown"), summary.address].filter(Boolean).join(" · ");
      const button = el(
        "button",
        { type: "button", class: "row", "aria-current": state.selected === h.id ? "true" : null },
        el("span", { class: "badge", text: h.urgency, data: { urgency: h.urgency } }),
        el(
          "span",
          { class: "row-main" },
          el("span", { class: "row-what", text: what }),
          el("span", { class: "row-why", text: summary.urgency_reason || label("reasons", h.reason) }),
        ),
        el(
          "span",
          { class: "row-side" },
          el("span", { class: "row-status", text: statusText(h) }),
          h.distress && h.distress !== "none"
            ? el("span", { class: "row-distress", text: label("distresses", h.distress), data: { distress: h.distress } })
            : null,
          el("span", { class: "row-time", text: t("waitingFor", { time: waited(h.created_at) }) }),
        ),
      );
      button.addEventListener("click", () => select(h.id));
      return el(
        "li",
        {
          class: flashing ? "flash" : null,
          data: {
            handoffId: h.id,
            status: h.status,
            urgency: h.urgency,
            distress: h.distress,
            assignedTo: h.assigned_to || "",
            client: h.client_id,
            onCall: onCallWith(h.id) ? "true" : "",
          },
        },
        button,
      );
    }),
  );
  $("queue-count").textContent = String(items.length);
  $("queue-empty").hidden = items.length > 0;
}

// --- the admins' test calls (never part of the queue above) --------------------------------------
const TESTS_REFRESH_MS = 10000;

function showTests(on) {
  clearInterval(state.testsTimer);
  state.testsTimer = null;
  state.tests = null;
  $("tests").hidden = !on;
  if (!on) return;
  loadTests();
  state.testsTimer = setInterval(loadTests, TESTS_REFRESH_MS);
}

async function loadTests() {
  const result = await api("GET", "/api/admin/test-calls");
  if (!$("show-tests").checked) return;
  if (!result.ok) {
    $("test-calls").replaceChildren(el("li", { class: "error", text: reason(result) }));
    return;
  }
  state.tests = result.data;
  renderTests();
}

/** One list, newest first: each item says TEST, what it was (handoff, order, message), when and what. */
function renderTests() {
  const tests = state.tests;
  if (!tests) return;
  const items = [
    ...(tests.handoffs || []).map((h) => {
      const summary = readable(h.summary);
      return { kind: "handoff", id: h.id, at: h.created_at, client: h.client_id, urgency: h.urgency,
        what: summary.headline || summary.text || label("reasons", h.reason) };
    }),
    ...(tests.orders || []).map((o) => ({ kind: "order", id: o.id, at: o.created_at, client: o.client_id,
      what: (o.items || []).map((i) => `${i.qty || 1}× ${i.name || i.sku}`).join(", ") })),
    ...(tests.messages || []).map((m) => ({ kind: "message", id: m.id, at: m.created_at, client: m.client_id,
      what: m.text })),
  ].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  $("test-calls").replaceChildren(
    ...items.map((item) =>
      el(
        "li",
        { class: "test-call", data: { testId: item.id, kind: item.kind, client: item.client } },
        el("span", { class: "badge badge-test", text: t("testBadge") }),
        el("span", { class: "test-kind", text: label("testKinds", item.kind) }),
        item.urgency ? el("span", { class: "badge", text: item.urgency, data: { urgency: item.urgency } }) : null,
        el("span", { class: "test-what", text: item.what || t("none") }),
        el("span", { class: "test-client", text: item.client }),
        el("span", { class: "row-time", text: time(item.at) }),
      ),
    ),
  );
  $("tests-count").textContent = String(items.length);
  $("tests-empty").hidden = items.length > 0;
}

// --- alerts for new emergencies ----------------------------------------------------------------
function announce(h) {
  if (!URGENT.includes(h.urgency)) return;
  state.flashing.set(h.id, Date.now() + FLASH_MS);
  setTimeout(renderQueue, FLASH_MS + 50);
  const summary = readable(h.summary);
  const what = [summary.urgency_reason, summary.address].filter(Boolean).join(", ") || label("reasons", h.reason);
  const alert = $("alert");
  alert.textContent = t("newUrgent", { urgency: h.urgency, what });
  alert.dataset.urgency = h.urgency;
  alert.dataset.handoffId = h.id;
  alert.hidden = false;
  clearTimeout(announce.timer);
  announce.timer = setTimeout(() => {
    alert.hidden = true;
  }, FLASH_MS);
  beep(h.urgency === "P0" ? 3 : 2);
}

function unlockAudio() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!state.audio && Context) state.audio = new Context();
    if (state.audio && state.audio.state === "suspended") state.audio.resume();
  } catch (_) {
    state.audio = null;
  }
}

function beep(times) {
  document.body.dataset.beeps = String(Number(document.body.dataset.beeps || 0) + 1);
  unlockAudio();
  const ctx = state.audio;
  if (!ctx) return;
  for (let i = 0; i < times; i += 1) {
    const start = ctx.currentTime + i * 0.22;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(start + 0.16);
  }
}

// --- one handoff -------------------------------------------------------------------------------
async function select(id) {
  state.selected = id;
  state.message = null;
  state.recording = null;
  state.detail = state.handoffs.get(id) || null;
  $("alert").hidden = true;
  renderQueue();
  renderDetail();
  await refreshDetail();
}

async function refreshDetail() {
  const id = state.selected;
  if (!id) return;
  const result = await api("GET", `/api/handoffs/${encodeURIComponent(id)}`);
  if (state.selected !== id) return; // another one was opened meanwhile
  if (result.ok) {
    state.detail = result.data;
    renderDetail();
  }
  return result;
}

function setText(id, value, fallback = t("none")) {
  const node = $(id);
  node.textContent = value == null || value === "" ? fallback : String(value);
  return node;
}

function renderDetail() {
  const h = state.detail;
  const box = $("detail");
  $("detail-none").hidden = Boolean(h);
  $("detail-body").hidden = !h;
  box.dataset.handoffId = h ? h.id : "";
  box.dataset.status = h ? h.status : "";
  if (!h) return;
  const summary = readable(h.summary);
  const badge = setText("detail-urgency", label("urgencies", h.urgency));
  badge.dataset.urgency = h.urgency || "";
  box.dataset.urgency = h.urgency || "";
  setText("detail-urgency-reason", summary.urgency_reason || label("reasons", h.reason));
  const status = setText("detail-status", statusText(h));
  status.dataset.status = h.status;
  status.dataset.assignedTo = h.assigned_to || "";

  const message = $("detail-message");
  message.hidden = !state.message;
  message.textContent = state.message ? t(state.message.key, state.message.vars) : "";

  const mine = state.me && h.assigned_to === state.me.username;
  const admin = state.me && state.me.role === "platform_admin";
  $("accept").disabled = !OPEN.includes(h.status);
  $("give-back").disabled = !(h.status === "accepted" && (mine || admin));
  const resolvable = ACTIVE.includes(h.status) && (!h.assigned_to || mine || admin || h.status !== "accepted");
  $("resolve").disabled = !resolvable;
  $("resolution").disabled = !resolvable;

  setText("detail-caller-name", summary.caller_name, t("unknown"));
  // the number as the server grouped it; a row stored before it did shows the digits as they are
  const callback = summary.callback_number
    ? summary.callback_number_text || phoneText(summary.callback_number)
    : h.caller_number_text || phoneText(h.caller_number);
  setText("detail-callback-number", callback, t("unknown"));
  setText("detail-address", summary.address, t("unknown"));
  setText("detail-recommended-action", summary.recommended_action);
  const distress = setText("detail-distress", label("distresses", h.distress || summary.distress));
  distress.dataset.distress = h.distress || summary.distress || "";
  setText("detail-reason", label("reasons", summary.handoff_reason || h.reason));
  const call = [h.client_id, h.channel && label("lines", h.channel), h.caller_on_line ? t("callerOnLine") : t("callerGone"), time(h.created_at)];
  setText("detail-call", call.filter(Boolean).join(" · "));
  setText("detail-text", summary.text, "");

  const confirmed = new Set(summary.confirmed || []);
  const collected = Object.entries(summary.collected || {});
  $("detail-collected").replaceChildren(
    ...collected.map(([key, value]) => {
      const shown = Array.isArray(value)
        ? value.map((v) => (typeof v === "object" ? Object.values(v).join(" ") : v)).join(", ")
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
      return el(
        "li",
        { data: { field: key, confirmed: String(confirmed.has(key)) } },
        el("span", { class: "field", text: `${label("fields", key)}: ` }),
        el("span", { text: key === "phone" ? (value === summary.callback_number && summary.callback_number_text) || phoneText(shown) : shown }),
        confirmed.has(key) ? el("span", { class: "tag ok", text: t("confirmed") }) : null,
      );
    }),
  );
  if (!collected.length) $("detail-collected").append(el("li", { class: "empty", text: t("none") }));

  const transcript = h.transcript || summary.transcript || [];
  $("detail-transcript").replaceChildren(
    ...transcript.map((turn) =>
      el(
        "li",
        { data: { role: turn.role } },
        el("span", { class: "who", text: turn.role === "caller" ? t("roleCaller") : t("roleBot") }),
        el("span", { class: "said", text: turn.text }),
      ),
    ),
  );

  const notes = h.notes || [];
  $("detail-notes").replaceChildren(
    ...(notes.length
      ? notes.map((n) =>
          el(
            "li",
            {},
            el("span", { class: "meta", text: `${time(n.at)} · ${n.by}` }),
            el("span", { class: "note-text", text: n.text }),
          ),
        )
      : [el("li", { class: "empty", text: t("noNotes") })]),
  );

  $("detail-events").replaceChildren(
    ...(h.events || []).map((e) =>
      el(
        "li",
        { data: { kind: e.kind, status: e.status } },
        el("span", { class: "meta", text: time(e.at) }),
        el("span", { class: "actor", text: label("actors", e.actor) }),
        el("span", { class: "kind", text: label("kinds", e.kind) }),
        eventDetail(e),
      ),
    ),
  );

  const deliveries = h.deliveries || [];
  $("deliveries-empty").hidden = deliveries.length > 0;
  $("detail-deliveries").replaceChildren(...deliveries.map(renderDelivery));
  renderRecording(h);
  renderCall();
}

// --- the call's recording (triage/privacy/recording_api.py): played only when the agent presses play --
const RECORDING_TEXT = {
  recorded: "recordingRecorded",
  withdrawn: "recordingWithdrawn",
  declined: "recordingDeclined",
  not_stored: "recordingNotStored",
  not_asked: "recordingNotAsked",
};

async function renderRecording(h) {
  const box = $("detail-recording");
  const callId = h.call_id;
  if (!callId) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  if (state.recording && state.recording.call_id === callId) {
    showRecording(state.recording);
    return;
  }
  const result = await api("GET", `/api/privacy/calls/${encodeURIComponent(callId)}/recording`);
  if (!result.ok || !state.detail || state.detail.call_id !== callId) return;
  state.recording = result.data;
  showRecording(result.data);
}

function showRecording(rec) {
  const status = $("detail-recording-status");
  status.dataset.status = rec.status;
  status.textContent = t(RECORDING_TEXT[rec.status] || "recordingNotAsked", {
    seconds: rec.seconds == null ? "" : Math.round(rec.seconds),
  });
  // the phone went to someone who never heard the consent question: when, from the consent record
  const handover = $("detail-recording-handover");
  handover.hidden = !rec.consent_handed_over_at;
  handover.textContent = rec.consent_handed_over_at ? t("recordingHandedOver", { time: time(rec.consent_handed_over_at) }) : "";
  const audio = $("detail-recording-audio");
  const src = `/api/privacy/calls/${encodeURIComponent(rec.call_id)}/recording.wav`;
  audio.hidden = rec.status !== "recorded";
  if (rec.status === "recorded" && audio.dataset.src !== src) {
    audio.dataset.src = src;
    audio.src = src; // preload="none": nothing is fetched (or logged as played) until play is pressed
  } else if (rec.status !== "recorded" && audio.dataset.src) {
    audio.removeAttribute("src");
    delete audio.dataset.src;
  }
}

function eventDetail(e) {
  const d = e.detail || {};
  const parts = [];
  if (e.kind === "alert" || e.kind === "alert_not_sent") {
    parts.push(d.contact, d.channel && label("channels", d.channel), e.phone_text || phoneText(d.to));
    parts.push(e.kind === "alert" ? label("alertResults", d.result) : label("alertReasons", d.reason));
    if (e.kind === "alert_not_sent" && d.why) parts.push(d.why);
  } else if (e.kind === "escalated") {
    const contact = d.contact || {};
    parts.push(t("level", { n: d.level }), contact.name, contact.channel && label("channels", contact.channel), e.phone_text || phoneText(contact.phone));
  } else {
    if (d.resolution) parts.push(label("resolutions", d.resolution));
    if (d.why) parts.push(d.why);
    if (d.target) parts.push(e.phone_text || phoneText(d.target));
    if ((e.kind === "resolved" || e.kind === "caller_said") && d.text) parts.push(d.text);
  }
  const shown = parts.filter(Boolean);
  return shown.length ? el("span", { class: "event-detail", text: shown.join(" · ") }) : null;
}

function renderDelivery(d) {
  const attempts = d.attempts || [];
  const list = el(
    "ol",
    { class: "attempts" },
    ...(attempts.length
      ? attempts.map((a, i) => {
          const result = [a.status_code ? `HTTP ${a.status_code}` : null, a.error, a.ms != null ? t("ms", { n: a.ms }) : null]
            .filter(Boolean)
            .join(" · ");
          return el("li", { data: { statusCode: a.status_code ?? "" } }, `${t("attempt")} ${i + 1} – ${t("attemptLine", { time: time(a.at), result })}`);
        })
      : [el("li", { class: "empty", text: t("noAttempts") })]),
  );
  const head = [d.event, label("deliveryStatuses", d.status), d.url].join(" · ");
  return el(
    "li",
    { data: { deliveryId: d.id, status: d.status } },
    el("span", { class: "delivery-head", text: head }),
    d.next_attempt_at ? el("span", { class: "meta", text: ` (${t("nextAttempt", { time: time(d.next_attempt_at) })})` }) : null,
    list,
  );
}

async function act(method, suffix, body) {
  const id = state.selected;
  if (!id) return null;
  state.message = null;
  const result = await api(method, `/api/handoffs/${encodeURIComponent(id)}${suffix}`, body);
  if (state.selected !== id) return result;
  if (result.ok) {
    await refreshDetail();
  } else if (result.status === 409) {
    const fresh = await refreshDetail();
    const who = fresh && fresh.ok ? fresh.data.assigned_to : null;
    state.message = who && who !== (state.me && state.me.username)
      ? { key: "takenBy", vars: { name: who } }
      : { key: "failed", vars: { reason: reason(result) } };
  } else {
    state.message = { key: "failed", vars: { reason: reason(result) } };
  }
  renderDetail();
  return result;
}

// --- taking a browser caller's call --------------------------------------------------------------
// The caller's audio arrives as binary PCM16 16 kHz and is played gaplessly; the agent's microphone
// goes out the same way through /static/mic-worklet.js (the call page's worklet).

function onCallWith(id) {
  return Boolean(state.call && state.call.id === id && LIVE_CALL.includes(state.call.state));
}

function canTakeCall(h) {
  return Boolean(
    h &&
      state.me &&
      h.status === "accepted" &&
      h.assigned_to === state.me.username &&
      h.channel === "browser" &&
      h.caller_on_line &&
      !state.callsOver.has(h.id),
  );
}

/** For tests and whoever debugs a call: what the line has carried. */
function exposeCall(call) {
  window.triageAgentCall = {
    handoffId: call.id,
    state: call.state,
    receivedBytes: call.received,
    sentBytes: call.sent,
  };
  const box = $("agent-call");
  if (box.dataset.handoffId === call.id) {
    box.dataset.receivedBytes = String(call.received);
    box.dataset.sentBytes = String(call.sent);
  }
}

function renderCall() {
  const h = state.detail;
  const box = $("agent-call");
  const call = h && state.call && state.call.id === h.id ? state.call : null;
  const live = Boolean(call && LIVE_CALL.includes(call.state));
  const takeable = canTakeCall(h);
  box.hidden = !(call || takeable);
  box.dataset.handoffId = h ? h.id : "";
  box.dataset.state = call ? call.state : "idle";
  box.dataset.receivedBytes = String(call ? call.received : 0);
  box.dataset.sentBytes = String(call ? call.sent : 0);
  const take = $("take-call");
  take.hidden = live || !takeable;
  take.disabled = Boolean(state.call && LIVE_CALL.includes(state.call.state)); // one call at a time
  $("hang-up").hidden = !live;
  const status = $("call-status");
  const which = call ? call.state : "idle";
  status.dataset.state = which;
  status.textContent = [t(`callStates.${which}`), call && call.error ? t(call.error.key, call.error.vars) : null]
    .filter(Boolean)
    .join(" ");
}

function setCallState(call, which, error) {
  call.state = which;
  if (error !== undefined) call.error = error;
  exposeCall(call);
  renderCall();
  renderQueue();
}

async function takeCall() {
  const h = state.detail;
  if (!canTakeCall(h) || (state.call && LIVE_CALL.includes(state.call.state))) return;
  const call = { id: h.id, ws: null, ctx: null, stream: null, mic: null, player: null, state: "mic", error: null, received: 0, sent: 0 };
  state.call = call;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.AudioWorkletNode) {
    endCall(call, "failed", { key: "callUnsupported" });
    return;
  }
  setCallState(call, "mic");
  // Created inside the click, so the browser's autoplay policy lets it play the caller.
  const ctx = new AudioContext({ latencyHint: "interactive" });
  call.ctx = ctx;
  call.player = new PcmPlayer(ctx, {
    rate: CALL_RATE,
    lead: PLAYBACK_LEAD,
    onAudio: (bytes) => {
      call.received += bytes;
      exposeCall(call);
    },
  });
  try {
    await ctx.resume();
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
    call.stream = stream;
    if (!LIVE_CALL.includes(call.state)) return releaseCall(call);
    await ctx.audioWorklet.addModule("/static/mic-worklet.js");
    if (!LIVE_CALL.includes(call.state)) return releaseCall(call);
    const mic = new AudioWorkletNode(ctx, "mic-downsampler", { numberOfInputs: 1, numberOfOutputs: 1 });
    mic.port.onmessage = (event) => sendCallAudio(call, event.data);
    ctx.createMediaStreamSource(stream).connect(mic);
    mic.connect(ctx.destination); // the worklet writes silence; connected, every browser keeps pulling it
    call.mic = mic;
  } catch (error) {
    if (!LIVE_CALL.includes(call.state)) return releaseCall(call);
    endCall(call, "failed", { key: "micError", vars: { reason: error && error.message ? error.message : String(error) } });
    return;
  }
  openCallLine(call);
}

function openCallLine(call) {
  setCallState(call, "connecting");
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${scheme}//${location.host}/ws/agent/call/${encodeURIComponent(call.id)}`);
  ws.binaryType = "arraybuffer";
  call.ws = ws;
  ws.onmessage = (event) => {
    if (!LIVE_CALL.includes(call.state)) return;
    if (event.data instanceof ArrayBuffer) call.player.play(event.data);
    else onCallEvent(call, event.data);
  };
  ws.onclose = () => {
    if (LIVE_CALL.includes(call.state)) endCall(call, call.state === "connected" ? "lost" : "failed");
  };
}

function onCallEvent(call, text) {
  let event;
  try {
    event = JSON.parse(text);
  } catch (_) {
    return;
  }
  if (event.type === "connected") {
    setCallState(call, "connected");
  } else if (event.type === "ended") {
    state.callsOver.add(call.id);
    endCall(call, "ended");
  } else if (event.type === "error") {
    if (call.state === "connected") {
      console.warn("agent call:", event.error); // e.g. a refused frame; the line goes on
      return;
    }
    if (event.error === NOT_ON_LINE) state.callsOver.add(call.id);
    const error = event.error === NOT_ON_LINE ? { key: "notOnLine" } : { key: "failed", vars: { reason: event.error } };
    endCall(call, "failed", error);
  }
}

function sendCallAudio(call, buffer) {
  if (call.state !== "connected" || !call.ws || call.ws.readyState !== WebSocket.OPEN) return;
  call.ws.send(buffer);
  call.sent += buffer.byteLength;
  exposeCall(call);
}

function hangUpCall() {
  const call = state.call;
  if (!call || !LIVE_CALL.includes(call.state)) return;
  if (call.ws && call.ws.readyState === WebSocket.OPEN) {
    call.ws.send(JSON.stringify({ type: "hangup" }));
    state.callsOver.add(call.id); // the caller's call ends with ours
  }
  endCall(call, "hungup");
}

/** Our side of the call is over: the microphone stops at once, the caller's last audio plays out. */
function endCall(call, which, error) {
  setCallState(call, which, error);
  if (call.mic) {
    call.mic.port.onmessage = null;
    call.mic.disconnect();
  }
  if (call.stream) for (const track of call.stream.getTracks()) track.stop();
  setTimeout(() => {
    if (call.ws && call.ws.readyState <= WebSocket.OPEN) call.ws.close(1000);
  }, CALL_CLOSE_GRACE_MS);
  const left = call.player && call.ctx ? call.player.remaining() : 0;
  setTimeout(() => releaseCall(call), left * 1000 + 250);
}

function releaseCall(call) {
  if (call.stream) for (const track of call.stream.getTracks()) track.stop();
  if (call.player) call.player.clear();
  if (call.ctx && call.ctx.state !== "closed") call.ctx.close().catch(() => {});
}

function wire() {
  $("accept").addEventListener("click", () => {
    unlockAudio();
    act("POST", "/accept");
  });
  $("give-back").addEventListener("click", () => act("POST", "/return", {}));
  $("take-call").addEventListener("click", () => takeCall());
  $("show-tests").addEventListener("change", (event) => showTests(event.target.checked));
  $("hang-up").addEventListener("click", () => hangUpCall());
  $("resolve").addEventListener("click", () => act("POST", "/resolve", { resolution: $("resolution").value }));
  $("note-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("note-text").value.trim();
    if (!text) return;
    const result = await act("POST", "/notes", { text });
    if (result && result.ok) $("note-text").value = "";
  });
  // waiting times grow; nothing is fetched for this
  setInterval(() => {
    if (state.me) renderQueue();
  }, 20000);
}

wire();
start();

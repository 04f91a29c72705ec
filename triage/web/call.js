// The browser call page: a caller's phone in a tab. Microphone audio goes to the server as binary
// PCM16 16 kHz in 20 ms chunks (see mic-worklet.js); the bot's audio comes back the same way and is
// played gaplessly; small JSON events drive the transcript, the triage decision and the outcome.
// The protocol is implemented on the server by triage/telephony/browser_serializer.py.
//
// A module script: nothing here leaks into the global scope. Tests read the DOM (ids, data-testid,
// data-role, data-state, data-audio-bytes) instead.

import { PcmPlayer } from "./playback.js";

const RATE = 16000; // PCM16 mono in both directions
const PLAYBACK_LEAD = 0.06; // seconds of headroom when playback (re)starts, so the first chunk is not clipped
const SERVER_CLOSE_GRACE_MS = 3000; // after `end`, how long the server gets to close the socket itself

const STRINGS = {
  de: {
    title: "Testanruf",
    kicker: "Testanruf beim Sprachassistenten",
    callId: "Anruf-ID",
    uiLanguage: "Sprache der Oberfläche",
    callControls: "Anruf",
    call: "Anrufen",
    hangup: "Auflegen",
    transcript: "Gesprächsverlauf",
    transcriptEmpty: "Noch nichts gesagt.",
    decision: "Einschätzung",
    urgency: "Dringlichkeit",
    intent: "Anliegen",
    distress: "Verfassung",
    reason: "Grund",
    language: "Sprache",
    outcome: "Ergebnis",
    details: "Details",
    keypad: "Tastenfeld",
    keypadHint: "Taste 0 verbindet Sie mit einem Mitarbeiter.",
    agentKey: "Mitarbeiter",
    agentKeyLabel: "0, Mitarbeiter",
    star: "Stern",
    hash: "Raute",
    roleCaller: "Sie",
    roleBot: "Assistent",
    unknownClient: "Unbekannter Auftraggeber",
    status: {
      idle: "Bereit. Drücken Sie „Anrufen“ und sprechen Sie wie am Telefon.",
      mic: "Mikrofon wird eingeschaltet …",
      connecting: "Verbindung wird aufgebaut …",
      connected: "Verbunden. Sprechen Sie einfach.",
      ended: "Anruf beendet.",
      hungup: "Sie haben aufgelegt.",
      lost: "Verbindung unterbrochen.",
      failed: "Anruf fehlgeschlagen.",
    },
    errors: {
      noClient: "Die Adresse nennt keinen Auftraggeber (erwartet: /call/<auftraggeber>).",
      unsupported: "Dieser Browser kann kein Mikrofon aufnehmen. Öffnen Sie die Seite über https oder localhost in einem aktuellen Browser.",
      mic: "Kein Zugriff auf das Mikrofon: {reason}",
      socket: "Keine Verbindung zum Server.",
      server: "Fehler vom Server: {reason}",
    },
    urgencies: {
      P0: "P0 · Gefahr für Menschen",
      P1: "P1 · Notfall",
      P2: "P2 · dringend, heute",
      P3: "P3 · normal",
      P4: "P4 · keine Aktion",
    },
    intents: {
      report_problem: "Problem melden",
      place_order: "Bestellung",
      order_status: "Bestellstatus",
      appointment: "Termin",
      leave_message: "Nachricht hinterlassen",
      information: "Auskunft",
      complaint: "Beschwerde",
      request_human: "Mitarbeiter verlangt",
      other: "Sonstiges",
    },
    distresses: { none: "ruhig", elevated: "aufgewühlt", acute: "akut belastet" },
    outcomes: {
      handoff: "An einen Mitarbeiter übergeben",
      order: "Bestellung aufgenommen",
      message: "Nachricht aufgenommen",
      ended: "Anruf beendet",
    },
    languages: { de: "Deutsch", en: "Englisch" },
  },
  en: {
    title: "Test call",
    kicker: "Test call to the voice assistant",
    callId: "Call ID",
    uiLanguage: "Interface language",
    callControls: "Call",
    call: "Call",
    hangup: "Hang up",
    transcript: "Conversation",
    transcriptEmpty: "Nothing said yet.",
    decision: "Assessment",
    urgency: "Urgency",
    intent: "Intent",
    distress: "Caller state",
    reason: "Reason",
    language: "Language",
    outcome: "Outcome",
    details: "Details",
    keypad: "Keypad",
    keypadHint: "Key 0 puts you through to a human agent.",
    agentKey: "Agent",
    agentKeyLabel: "0, human agent",
    star: "Star",
    hash: "Hash",
    roleCaller: "You",
    roleBot: "Assistant",
    unknownClient: "Unknown client",
    status: {
      idle: "Ready. Press “Call” and speak as you would on the phone.",
      mic: "Turning on the microphone …",
      connecting: "Connecting …",
      connected: "Connected. Just speak.",
      ended: "Call ended.",
      hungup: "You hung up.",
      lost: "Connection lost.",
      failed: "Call failed.",
    },
    errors: {
      noClient: "The address names no client (expected /call/<client>).",
      unsupported: "This browser cannot record the microphone. Open the page over https or localhost in a current browser.",
      mic: "No access to the microphone: {reason}",
      socket: "Cannot connect to the server.",
      server: "Error from the server: {reason}",
    },
    urgencies: {
      P0: "P0 · danger to people",
      P1: "P1 · emergency",
      P2: "P2 · urgent, today",
      P3: "P3 · routine",
      P4: "P4 · no action",
    },
    intents: {
      report_problem: "Report a problem",
      place_order: "Order",
      order_status: "Order status",
      appointment: "Appointment",
      leave_message: "Leave a message",
      information: "Information",
      complaint: "Complaint",
      request_human: "Asked for a human",
      other: "Other",
    },
    distresses: { none: "calm", elevated: "upset", acute: "acute distress" },
    outcomes: {
      handoff: "Handed to a human agent",
      order: "Order taken",
      message: "Message taken",
      ended: "Call ended",
    },
    languages: { de: "German", en: "English" },
  },
};

/** The interface language: ?lang= wins, then the browser's preference, then German (the default market). */
function pickLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  const wanted = [asked, ...(navigator.languages || []), navigator.language];
  for (const tag of wanted) {
    const base = (tag || "").toLowerCase().split("-")[0];
    if (base in STRINGS) return base;
  }
  return "de";
}

const LANG = pickLanguage();
const T = STRINGS[LANG];
const $ = (id) => document.getElementById(id);

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => (key in values ? String(values[key]) : ""));
}

function translatePage() {
  document.documentElement.lang = LANG;
  for (const el of document.querySelectorAll("[data-i18n]")) {
    const text = T[el.dataset.i18n];
    if (typeof text === "string") el.textContent = text;
  }
  for (const el of document.querySelectorAll("[data-i18n-aria]")) {
    const text = T[el.dataset.i18nAria];
    if (typeof text === "string") el.setAttribute("aria-label", text);
  }
  for (const code of Object.keys(STRINGS)) {
    const link = $(`lang-${code}`);
    const params = new URLSearchParams(location.search);
    params.set("lang", code);
    link.href = `?${params}`;
    if (code === LANG) link.setAttribute("aria-current", "true");
  }
}

/** The client id from /call/<client> (or ?client= when the page is opened as a plain file). */
function clientId() {
  const match = location.pathname.match(/\/call\/([^/]+)\/?$/);
  if (match) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get("client") || "";
}

// ---------------------------------------------------------------------------------------------------
// Status, errors, panels

const status = $("status");

function setStatus(state, extra) {
  status.dataset.state = state;
  status.textContent = T.status[state] + (extra ? ` ${extra}` : "");
}

function showError(text) {
  const box = $("error");
  box.textContent = text;
  box.hidden = false;
}

function clearError() {
  const box = $("error");
  box.textContent = "";
  box.hidden = true;
}

function addLine(role, text, lang) {
  const list = $("transcript");
  const item = document.createElement("li");
  item.dataset.role = role === "caller" ? "caller" : "bot";
  item.dataset.testid = `line-${item.dataset.role}`;
  if (lang) item.lang = lang;
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = item.dataset.role === "caller" ? T.roleCaller : T.roleBot;
  const colon = document.createElement("span");
  colon.className = "visually-hidden";
  colon.textContent = ": "; // screen readers say "You: …", not "You…"
  who.append(colon);
  const said = document.createElement("span");
  said.className = "said";
  said.textContent = text;
  item.append(who, said);
  list.append(item);
  $("transcript-empty").hidden = true;
  item.scrollIntoView({ block: "nearest" });
}

function setBadge(el, urgency) {
  const known = urgency in T.urgencies;
  el.dataset.urgency = known ? urgency : "";
  el.textContent = known ? T.urgencies[urgency] : urgency || "–";
}

function showDecision(event) {
  setBadge($("urgency"), event.urgency);
  $("intent").textContent = T.intents[event.intent] || event.intent || "–";
  const distress = $("distress");
  distress.dataset.distress = event.distress || "";
  distress.textContent = T.distresses[event.distress] || event.distress || "–";
  $("reason").textContent = event.reason || "–";
  $("language").textContent = T.languages[event.language] || event.language || "–";
  $("decision").dataset.urgency = event.urgency || "";
}

function showOutcome(outcome) {
  if (!outcome || typeof outcome !== "object") return;
  const panel = $("outcome");
  panel.hidden = false;
  panel.dataset.type = outcome.type || "";
  $("outcome-type").textContent = T.outcomes[outcome.type] || outcome.type || "–";
  setBadge($("outcome-urgency"), outcome.urgency);
  const summary = outcome.summary;
  $("outcome-summary").textContent =
    typeof summary === "string" ? summary : (summary && (summary.text || summary.summary)) || "";
  $("outcome-json").textContent = JSON.stringify(outcome, null, 2);
}

function showCall(event) {
  $("client-name").textContent = event.client_name || event.client || T.unknownClient;
  $("call-id").textContent = event.call_id || "–";
  if (event.client_name) document.title = `${T.title} · ${event.client_name}`;
}

/** A new call starts with an empty transcript and no decision or outcome from the last one. */
function resetPanels() {
  $("transcript").replaceChildren();
  $("transcript-empty").hidden = false;
  showDecision({});
  delete $("decision").dataset.urgency;
  $("outcome").hidden = true;
  $("call-id").textContent = "–";
  status.dataset.audioBytes = "0";
}

function setKeypad(enabled) {
  for (const key of document.querySelectorAll("#keypad button")) key.disabled = !enabled;
}

// ---------------------------------------------------------------------------------------------------
// The call

let call = null; // { ws, ctx, stream, mic, player, over }

/** Send on this call's own socket, so a call still draining can never talk into the next one. */
function send(mine, message) {
  if (mine.ws && mine.ws.readyState === WebSocket.OPEN) mine.ws.send(message);
}

function sendJson(mine, message) {
  send(mine, JSON.stringify(message));
}

async function startCall() {
  const client = clientId();
  if (!client) {
    showError(T.errors.noClient);
    return;
  }
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.AudioWorkletNode) {
    showError(T.errors.unsupported);
    return;
  }
  clearError();
  resetPanels();
  $("call").disabled = true;
  $("hangup").disabled = false;
  setStatus("mic");
  // Created inside the click so the browser's autoplay policy lets it run.
  const ctx = new AudioContext({ latencyHint: "interactive" });
  call = { ws: null, ctx, stream: null, mic: null, player: null, over: false };
  const mine = call;
  let heard = 0; // bytes of the bot's audio in this call
  mine.player = new PcmPlayer(ctx, {
    rate: RATE,
    lead: PLAYBACK_LEAD,
    onAudio: (bytes) => {
      heard += bytes;
      status.dataset.audioBytes = String(heard);
    },
    onPlaying: (playing) => {
      status.dataset.playing = String(playing);
    },
    onMark: (name) => sendJson(mine, { type: "mark", name }),
  });
  try {
    await ctx.resume();
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
    mine.stream = stream;
    if (mine.over) return releaseAudio(mine);
    await ctx.audioWorklet.addModule("/static/mic-worklet.js");
    if (mine.over) return releaseAudio(mine);
    const mic = new AudioWorkletNode(ctx, "mic-downsampler", { numberOfInputs: 1, numberOfOutputs: 1 });
    mic.port.onmessage = (event) => send(mine, event.data);
    ctx.createMediaStreamSource(stream).connect(mic);
    // The worklet writes silence; connecting it keeps the graph pulling it in every browser.
    mic.connect(ctx.destination);
    mine.mic = mic;
  } catch (error) {
    if (mine.over) return releaseAudio(mine); // hung up while the microphone was being set up
    finish(mine, "failed");
    showError(fill(T.errors.mic, { reason: error && error.message ? error.message : String(error) }));
    return;
  }
  connect(mine, client);
}

function connect(mine, client) {
  setStatus("connecting");
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${scheme}://${location.host}/ws/call/${encodeURIComponent(client)}`);
  ws.binaryType = "arraybuffer";
  mine.ws = ws;
  let opened = false;
  ws.onopen = () => {
    opened = true;
    if (mine.over) return ws.close(1000);
    setStatus("connected");
    setKeypad(true);
  };
  ws.onmessage = (event) => {
    if (mine.over) return;
    if (event.data instanceof ArrayBuffer) mine.player.play(event.data);
    else onEvent(mine, event.data);
  };
  ws.onerror = () => {
    if (!opened) showError(T.errors.socket);
  };
  ws.onclose = () => {
    if (!mine.over) finish(mine, opened ? "lost" : "failed", { drain: true });
  };
}

function onEvent(mine, text) {
  let event;
  try {
    event = JSON.parse(text);
  } catch {
    console.warn("call: ignoring a text message that is not JSON", text);
    return;
  }
  switch (event.type) {
    case "call":
      showCall(event);
      break;
    case "transcript":
      addLine(event.role, event.text || "", event.lang);
      break;
    case "decision":
      showDecision(event);
      break;
    case "outcome":
      showOutcome(event.outcome);
      break;
    case "clear":
      mine.player.clear();
      break;
    case "mark":
      mine.player.mark(String(event.name));
      break;
    case "error":
      showError(fill(T.errors.server, { reason: event.error || "?" }));
      break;
    case "end":
      finish(mine, "ended", { drain: true });
      break;
    default:
      console.debug("call: ignoring event", event);
  }
}

function hangUp() {
  if (!call) return;
  sendJson(call, { type: "hangup" });
  finish(call, "hungup");
}

/**
 * End the call on this side: stop the microphone at once. When the server ended the call (`drain`),
 * the bot's last queued sentence still plays before the audio is released.
 */
function finish(mine, state, { drain = false } = {}) {
  if (mine.over) return;
  mine.over = true;
  setStatus(state);
  setKeypad(false);
  $("hangup").disabled = true;
  $("call").disabled = false;
  if (mine.mic) {
    mine.mic.port.onmessage = null;
    mine.mic.disconnect();
  }
  if (mine.stream) for (const track of mine.stream.getTracks()) track.stop();
  // The server closes the socket itself once its pipeline has ended (after `end`, or after our `hangup`);
  // closing both ends at once only makes it log a failed close. It gets a moment before we close.
  setTimeout(() => closeSocket(mine), SERVER_CLOSE_GRACE_MS);
  if (drain) setTimeout(() => releaseAudio(mine), mine.player.remaining() * 1000 + 250);
  else releaseAudio(mine);
  if (call === mine) call = null;
}

function closeSocket(mine) {
  if (mine.ws && mine.ws.readyState <= WebSocket.OPEN) mine.ws.close(1000);
}

function releaseAudio(mine) {
  if (mine.stream) for (const track of mine.stream.getTracks()) track.stop();
  if (!mine.over || mine.ctx.state === "closed") return;
  mine.player.clear();
  mine.ctx.close().catch(() => {});
}

// ---------------------------------------------------------------------------------------------------
// Keypad: a short local DTMF tone, like a phone, and the digit to the server.

const DTMF = {
  1: [697, 1209], 2: [697, 1336], 3: [697, 1477],
  4: [770, 1209], 5: [770, 1336], 6: [770, 1477],
  7: [852, 1209], 8: [852, 1336], 9: [852, 1477],
  "*": [941, 1209], 0: [941, 1336], "#": [941, 1477],
};

function beep(ctx, digit) {
  const gain = ctx.createGain();
  gain.gain.value = 0.08;
  gain.connect(ctx.destination);
  const end = ctx.currentTime + 0.12;
  for (const freq of DTMF[digit] || []) {
    const osc = ctx.createOscillator();
    osc.frequency.value = freq;
    osc.connect(gain);
    osc.start();
    osc.stop(end);
  }
}

function pressKey(digit) {
  if (!call || call.over) return;
  beep(call.ctx, digit);
  sendJson(call, { type: "dtmf", digit });
}

// ---------------------------------------------------------------------------------------------------

translatePage();
setStatus("idle");
$("client-name").textContent = clientId() || T.unknownClient;
$("call").addEventListener("click", () => startCall());
$("hangup").addEventListener("click", () => hangUp());
for (const key of document.querySelectorAll("#keypad button")) {
  key.addEventListener("click", () => pressKey(key.dataset.digit));
}
window.addEventListener("pagehide", () => {
  if (call) hangUp();
});

// What the signed-in pages (agent.js, admin.js) share: the sign-in form and the header's account and
// DE/EN controls, the page's strings in the chosen language, and the JSON API with its session cookie.
// An ES module; each page passes its strings and its own part of signing in and out.
//
// The markup built here is static; whatever comes from the server goes into the page with
// textContent, never innerHTML. Tests read #signin, #username, #password, #signin-submit,
// #signin-error, #whoami[data-username], #sign-out, the language buttons and html[lang].

const UI_LANGS = ["de", "en"];

export const $ = (id) => document.getElementById(id);

/** A DOM element: props set class, text, value, checked, data-*, on… listeners or attributes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "value") node.value = value;
    else if (key === "checked") node.checked = Boolean(value);
    else if (key === "data") for (const [k, v] of Object.entries(value)) node.dataset[k] = v ?? "";
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child != null) node.append(child);
  return node;
}

/**
 * A phone number as the server did not group it (rows stored before it did, a number in an event's
 * detail): shown as written, spaces tidied, never regrouped here. The server groups numbers with
 * libphonenumber, by their own country (triage/phones.py), and sends the result next to the raw number
 * (`callback_number_text`, `caller_number_text`, an event's `phone_text`): show that where it is.
 */
export function phoneText(number) {
  if (!number) return null;
  return String(number).trim().replace(/\s+/g, " ");
}

/**
 * The header's account and language controls (appended to .top-right) and the sign-in form (into the
 * page's empty section#signin). The texts are the German ones until the strings are applied.
 */
function buildChrome(langIds) {
  document.querySelector(".top-right").append(
    el("p", { id: "whoami", hidden: true }),
    el("button", { id: "sign-out", type: "button", class: "btn btn-plain", data: { i18n: "signOut" }, hidden: true, text: "Abmelden" }),
    el(
      "div",
      { class: "langs", role: "group", "aria-labelledby": "langs-label" },
      el("span", { id: "langs-label", class: "visually-hidden", data: { i18n: "uiLanguage" }, text: "Sprache der Oberfläche" }),
      ...UI_LANGS.map((lang) =>
        el("button", { id: `${langIds}-${lang}`, type: "button", data: { lang }, lang, text: lang.toUpperCase() }),
      ),
    ),
  );
  $("signin").append(
    el("h2", { id: "signin-heading", data: { i18n: "signIn" }, text: "Anmelden" }),
    el(
      "form",
      { id: "signin-form", autocomplete: "on" },
      el("label", { for: "username", data: { i18n: "username" }, text: "Benutzername" }),
      el("input", { id: "username", name: "username", autocomplete: "username", required: true, maxlength: "80" }),
      el("label", { for: "password", data: { i18n: "password" }, text: "Passwort" }),
      el("input", {
        id: "password",
        name: "password",
        type: "password",
        autocomplete: "current-password",
        required: true,
        maxlength: "200",
      }),
      el("button", { id: "signin-submit", type: "submit", class: "btn btn-primary", data: { i18n: "signInButton" }, text: "Anmelden" }),
      el("p", { id: "signin-error", class: "error", role: "alert", hidden: true }),
    ),
  );
}

/**
 * One signed-in page. `state` is the page's own state object: this reads and writes its `lang` and
 * `me`. `strings` is {de: {...}, en: {...}} with the keys title, uiLanguage, signIn, signInButton,
 * signOut, username, password, signedInAs, wrongLogin and failed. The page's hooks:
 *  - render(): re-render what depends on the language (after every change of it);
 *  - signedIn(user): show the page's own part once someone is signed in (the language is set by then);
 *  - signedOut(): clear and hide the page's own part (before the sign-in form is shown again);
 *  - beforeSignIn(): optional, runs in the sign-in click (a user gesture).
 */
export function createConsole({ state, strings, langKey, langIds, render, signedIn, signedOut, beforeSignIn }) {
  buildChrome(langIds);

  // --- language ----------------------------------------------------------------------------------
  function t(key, vars = {}) {
    const table = strings[state.lang] || strings.de;
    let text = key.split(".").reduce((node, part) => (node == null ? node : node[part]), table);
    if (text == null) text = key.split(".").pop();
    return String(text).replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
  }

  /** The name of `value` in the table `group` (e.g. label("statuses", "waiting")). */
  function label(group, value) {
    const table = (strings[state.lang] || strings.de)[group] || {};
    return table[value] || value || t("none");
  }

  function chooseLanguage() {
    const asked = new URLSearchParams(location.search).get("lang");
    if (asked in strings) return asked;
    let stored = null;
    try {
      stored = localStorage.getItem(langKey);
    } catch (_) {
      stored = null; // storage may be off
    }
    if (stored in strings) return stored;
    if (state.me && state.me.language in strings) return state.me.language;
    return (navigator.language || "de").toLowerCase().startsWith("en") ? "en" : "de";
  }

  function setLanguage(lang, remember) {
    state.lang = lang in strings ? lang : "de";
    if (remember) {
      try {
        localStorage.setItem(langKey, state.lang);
      } catch (_) {
        /* private mode: the choice lasts for this page */
      }
    }
    document.documentElement.lang = state.lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
      node.placeholder = t(node.dataset.i18nPlaceholder);
    }
    for (const button of document.querySelectorAll(".langs button")) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === state.lang));
    }
    document.title = t("title");
    render();
  }

  function renderWho() {
    const who = $("whoami");
    who.textContent = state.me ? t("signedInAs", { name: state.me.display_name || state.me.username }) : "";
    who.dataset.username = state.me ? state.me.username : "";
  }

  // --- the server --------------------------------------------------------------------------------
  /** JSON in and out with the session cookie; {ok, status, data}, or with `raw` the response itself. */
  async function api(method, path, body, { raw = false, contentType } = {}) {
    const options = { method, credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      options.headers["Content-Type"] = contentType || "application/json";
      options.body = contentType ? body : JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (exc) {
      return { ok: false, status: 0, data: { detail: String(exc) } };
    }
    if (response.status === 401 && path !== "/api/session") onSignedOut();
    if (raw && response.ok) return { ok: true, status: response.status, response };
    let data = null;
    const text = await response.text();
    try {
      data = JSON.parse(text);
    } catch (_) {
      data = response.ok ? text : { detail: text || `HTTP ${response.status}` };
    }
    return { ok: response.ok, status: response.status, data };
  }

  /** Why a request failed, for the page. */
  function reason(result) {
    const detail = result.data && result.data.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) return detail.map((d) => `${(d.loc || []).slice(1).join(".")}: ${d.msg}`).join("; ");
    if (detail && detail.message) return detail.message;
    return `HTTP ${result.status}`;
  }

  // --- signing in and out ------------------------------------------------------------------------
  function onSignedIn(user) {
    state.me = user;
    document.body.dataset.signedIn = "true";
    $("signin").hidden = true;
    $("sign-out").hidden = false;
    $("whoami").hidden = false;
    setLanguage(chooseLanguage(), false);
    return signedIn(user);
  }

  function onSignedOut() {
    signedOut();
    state.me = null;
    document.body.dataset.signedIn = "false";
    $("sign-out").hidden = true;
    $("whoami").hidden = true;
    $("signin").hidden = false;
    setLanguage(chooseLanguage(), false);
    $("username").focus();
  }

  async function onSignIn(event) {
    event.preventDefault();
    if (beforeSignIn) beforeSignIn();
    const error = $("signin-error");
    error.hidden = true;
    const submit = $("signin-submit");
    submit.disabled = true;
    const result = await api("POST", "/api/session", { username: $("username").value, password: $("password").value });
    submit.disabled = false;
    if (!result.ok) {
      error.textContent = result.status === 401 ? t("wrongLogin") : t("failed", { reason: reason(result) });
      error.hidden = false;
      return;
    }
    $("password").value = "";
    onSignedIn(result.data.user);
  }

  async function onSignOut() {
    await api("DELETE", "/api/session");
    onSignedOut();
  }

  /** Wires the shared controls, then signs in with the session cookie if there is one. */
  async function start() {
    $("signin-form").addEventListener("submit", onSignIn);
    $("sign-out").addEventListener("click", onSignOut);
    for (const button of document.querySelectorAll(".langs button")) {
      button.addEventListener("click", () => setLanguage(button.dataset.lang, true));
    }
    setLanguage(chooseLanguage(), false);
    const result = await api("GET", "/api/me");
    if (result.ok) onSignedIn(result.data);
    else onSignedOut();
  }

  return { t, label, setLanguage, renderWho, api, reason, signedOut: onSignedOut, start };
}

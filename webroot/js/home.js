// Home page: create a pad (suggested or own name), join one by name, list the
// pads visited in this browser.
import { loadI18n, bindLanguageSelect } from "./i18n.js";
import { closestPad, forgetPad, normalizePadName, padNameProblem, padUrl, recentPads } from "./pads.js";
import { createOwnedPad } from "./pad/owner-tokens.js";
import { fillLifetimeSelect, readChoices } from "./pad/lifetimes.js";

async function suggestName() {
  const response = await fetch("/api/pads/suggest-name", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`suggest-name answered ${response.status}`);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : (await response.text()).trim();
  const name = typeof body === "string" ? body : body?.name;
  if (padNameProblem(name) !== null) throw new Error("suggest-name gave an invalid name");
  return name;
}

/**
 * Which pad `name` opens and whether anybody wrote in it (GET /api/pads/NAME: the server also finds
 * a pad stored under an older spelling), or null when the server cannot say (offline, store down).
 */
async function padStatus(name) {
  try {
    const response = await fetch(`/api/pads/${encodeURIComponent(name)}`, { cache: "no-store" });
    if (!response.ok) return null;
    const body = await response.json();
    return typeof body?.name === "string" && padNameProblem(body.name) === null ? body : null;
  } catch {
    return null;
  }
}

function offerButton(text, onClick, primary) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = primary ? "button-primary" : "button-secondary";
  button.textContent = text;
  button.addEventListener("click", onClick);
  return button;
}

/** "This pad does not exist yet": create it, or open the visited pad with the closest name. */
function showMissing(offer, name, i18n) {
  const text = document.createElement("p");
  text.className = "join-missing";
  text.textContent = i18n.t("home.join.missing", { name });
  const actions = document.createElement("div");
  actions.className = "join-actions";
  actions.append(offerButton(i18n.t("home.join.create", { name }), () => window.location.assign(padUrl(name)), true));
  const parts = [text];
  const near = closestPad(name, recentPads());
  if (near) {
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = i18n.t("home.join.closestHint");
    parts.push(hint);
    actions.append(offerButton(i18n.t("home.join.closest", { name: near }), () => window.location.assign(padUrl(near)), false));
  }
  offer.replaceChildren(...parts, actions);
  offer.hidden = false;
}

/**
 * Creates the pad (its owner token stays in this browser) and opens it. A name already taken is
 * said next to the field, with a button to open that pad; when the server cannot create it, the
 * pad is opened by its address as a pad without an owner.
 */
async function createAndOpen(name, message, offer, i18n) {
  // Asked first, so that a taken name is said without a refused request (the server still refuses
  // a name taken meanwhile).
  const status = await padStatus(name);
  const created = status?.exists ? { exists: true }
    : await createOwnedPad(globalThis.localStorage, name, globalThis.fetch, chosenLifetime());
  if (created?.exists) {
    message.textContent = i18n.t("home.create.exists", { name });
    offer.replaceChildren(offerButton(i18n.t("home.create.openExisting", { name }), () => window.location.assign(padUrl(name)), false));
    offer.hidden = false;
    return;
  }
  window.location.assign(padUrl(created?.padId ?? name));
}

/**
 * Validates the field on submit and shows the reason next to it; else opens the pad. With
 * `checkExists` (joining), a pad nobody wrote in yet is offered instead of opened, since a typo
 * would otherwise open an empty pad of its own. With `creates`, the pad is created first.
 */
function wireForm(form, input, message, i18n, offer = null, creates = false) {
  input.addEventListener("input", () => {
    message.textContent = "";
    input.removeAttribute("aria-invalid");
    if (offer) offer.hidden = true;
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = normalizePadName(input.value);
    const problem = padNameProblem(name);
    if (problem) {
      message.textContent = i18n.t(problem);
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    if (creates) {
      await createAndOpen(name, message, offer, i18n);
      return;
    }
    const status = offer ? await padStatus(name) : null;
    if (status && !status.exists) showMissing(offer, status.name, i18n);
    else window.location.assign(padUrl(status?.name ?? name));
  });
}

/** The lifetime picked in the create form, or null when the form offers none (the server's default). */
function chosenLifetime() {
  const row = document.getElementById("create-lifetime-row");
  const value = Number.parseInt(document.getElementById("create-lifetime").value, 10);
  return row.hidden || !Number.isInteger(value) ? null : value;
}

/**
 * The lifetimes the server offers (GET /api/lifetimes), shown in the create form; the row stays
 * hidden without them (the pad then gets the server's default).
 */
async function offerLifetimes(i18n) {
  const ask = async (url) => {
    const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
    return response.ok ? readChoices(await response.json()) : null;
  };
  let offered = null;
  try {
    offered = await ask("/api/lifetimes");
  } catch {
    offered = null;
  }
  if (!offered) return;
  const select = document.getElementById("create-lifetime");
  fillLifetimeSelect(select, i18n, offered.choices, offered.defaultDays);
  i18n.onChange(() => fillLifetimeSelect(select, i18n, offered.choices, Number(select.value)));
  document.getElementById("create-lifetime-row").hidden = false;
}

async function fillSuggestion(input, button, i18n) {
  button.disabled = true;
  try {
    input.value = await suggestName();
  } catch {
    input.placeholder = i18n.t("home.create.placeholder");
  } finally {
    button.disabled = false;
  }
}

function renderRecent(list, empty, i18n) {
  const pads = recentPads();
  list.replaceChildren();
  empty.hidden = pads.length > 0;
  for (const pad of pads) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = padUrl(pad.name);
    link.className = "recent-name";
    link.textContent = pad.name;
    const when = document.createElement("time");
    when.dateTime = new Date(pad.visitedAt).toISOString();
    when.textContent = i18n.formatDate(new Date(pad.visitedAt));
    const forget = document.createElement("button");
    forget.type = "button";
    forget.className = "button-quiet";
    forget.textContent = i18n.t("home.recent.forget");
    forget.setAttribute("aria-label", i18n.t("home.recent.forgetNamed", { name: pad.name }));
    forget.addEventListener("click", () => {
      forgetPad(pad.name);
      renderRecent(list, empty, i18n);
    });
    item.append(link, when, forget);
    list.append(item);
  }
}

async function main() {
  const i18n = await loadI18n();
  bindLanguageSelect(document.getElementById("language"), i18n);
  const createInput = document.getElementById("create-name");
  const another = document.getElementById("create-another");
  wireForm(document.getElementById("create-form"), createInput, document.getElementById("create-message"), i18n,
    document.getElementById("create-offer"), true);
  wireForm(document.getElementById("join-form"), document.getElementById("join-name"),
    document.getElementById("join-message"), i18n, document.getElementById("join-offer"));
  another.addEventListener("click", () => fillSuggestion(createInput, another, i18n));
  const list = document.getElementById("recent-list");
  const empty = document.getElementById("recent-empty");
  renderRecent(list, empty, i18n);
  i18n.onChange(() => renderRecent(list, empty, i18n));
  await fillSuggestion(createInput, another, i18n);
  await offerLifetimes(i18n);
}

main();

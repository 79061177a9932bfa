// Home page: create a pad (suggested or own name), join one by name, list the
// pads visited in this browser.
import { loadI18n, bindLanguageSelect } from "./i18n.js";
import { forgetPad, normalizePadName, padNameProblem, padUrl, recentPads } from "./pads.js";

async function suggestName() {
  const response = await fetch("/api/pads/suggest-name", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`suggest-name answered ${response.status}`);
  const type = response.headers.get("content-type") || "";
  const body = type.includes("json") ? await response.json() : (await response.text()).trim();
  const name = typeof body === "string" ? body : body?.name;
  if (padNameProblem(name) !== null) throw new Error("suggest-name gave an invalid name");
  return name;
}

// Validates the field on submit, shows the reason next to it, or opens the pad.
function wireForm(form, input, message, i18n) {
  input.addEventListener("input", () => {
    message.textContent = "";
    input.removeAttribute("aria-invalid");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const name = normalizePadName(input.value);
    const problem = padNameProblem(name);
    if (problem) {
      message.textContent = i18n.t(problem);
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    window.location.assign(padUrl(name));
  });
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
  wireForm(document.getElementById("create-form"), createInput, document.getElementById("create-message"), i18n);
  wireForm(document.getElementById("join-form"), document.getElementById("join-name"),
    document.getElementById("join-message"), i18n);
  another.addEventListener("click", () => fillSuggestion(createInput, another, i18n));
  const list = document.getElementById("recent-list");
  const empty = document.getElementById("recent-empty");
  renderRecent(list, empty, i18n);
  i18n.onChange(() => renderRecent(list, empty, i18n));
  await fillSuggestion(createInput, another, i18n);
}

main();

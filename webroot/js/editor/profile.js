// The person's display name and colour: asked once, remembered in
// localStorage, editable later from the toolbar. `colorChosen` tells whether the person picked the
// colour: a picked colour is theirs in every pad; otherwise it is only a preference, and a pad
// gives another one when someone there already has it (docs/web-ui.md, "Colours").
import { PALETTE, isColor } from "./colors.js";

const PROFILE_KEY = "ardoise.profile";
const MAX_NAME_LENGTH = 64;

/** A usable profile {name, color, colorChosen} from anything (stored JSON, form input), or null. */
export function validProfile(value) {
  const name = typeof value?.name === "string" ? value.name.trim() : "";
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  const color = isColor(value.color) ? value.color.toLowerCase() : PALETTE[0];
  return { name, color, colorChosen: value.colorChosen === true && isColor(value.color) };
}

/** The remembered profile {name, color}, or null. */
export function loadProfile(storage = globalThis.localStorage) {
  try {
    return validProfile(JSON.parse(storage.getItem(PROFILE_KEY) || "null"));
  } catch {
    return null;
  }
}

export function saveProfile(profile, storage = globalThis.localStorage) {
  try {
    storage.setItem(PROFILE_KEY, JSON.stringify(profile));
  } catch {
    // not remembered: the person will be asked again next time
  }
}

// One radio button per palette colour, the current one checked.
function renderSwatches(fieldset, i18n, selected) {
  const legend = fieldset.querySelector("legend");
  fieldset.replaceChildren(legend);
  PALETTE.forEach((color, index) => {
    const label = document.createElement("label");
    label.className = "swatch";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "color";
    input.value = color;
    input.checked = color === selected;
    const chip = document.createElement("span");
    chip.className = "swatch-chip";
    chip.style.backgroundColor = color;
    const text = document.createElement("span");
    text.className = "visually-hidden";
    text.textContent = i18n.t(`color.${index}`);
    label.append(input, chip, text);
    fieldset.append(label);
  });
}

// Resolves with the saved profile on submit, or with `current` on cancel.
function awaitAnswer(dialog, i18n, current, cancellable, storage) {
  const form = dialog.querySelector("form.profile-form");
  const input = form.elements.namedItem("name");
  const listening = new AbortController();
  return new Promise((resolve) => {
    const close = (profile) => {
      listening.abort();
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      dialog.removeAttribute("open");
      resolve(profile);
    };
    // A swatch the person clicks (or selects with the arrow keys, which clicks it) is a choice, even
    // the one already checked; the one shown when the dialog opened is not.
    let colorChosen = current?.colorChosen === true;
    form.querySelector("fieldset.swatches").addEventListener("click", (event) => {
      if (event.target instanceof HTMLInputElement) colorChosen = true;
    }, { signal: listening.signal });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const profile = validProfile({ name: input.value, color: form.elements.namedItem("color").value, colorChosen });
      if (!profile) {
        dialog.querySelector(".profile-message").textContent = i18n.t("profile.nameRequired");
        input.focus();
        return;
      }
      saveProfile(profile, storage);
      close(profile);
    }, { signal: listening.signal });
    dialog.querySelector(".profile-cancel").addEventListener("click", () => close(current), { signal: listening.signal });
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault(); // the first time a name is required; later Escape is the cancel button
      if (cancellable) close(current);
    }, { signal: listening.signal });
  });
}

/**
 * Shows the profile dialog (a <dialog> holding form.profile-form with input[name=name]
 * and fieldset.swatches) and resolves with the saved {name, color}.
 * `cancellable` adds a cancel path that resolves with `current` unchanged.
 */
export function askProfile(dialog, i18n, current = null, { cancellable = false, storage } = {}) {
  const form = dialog.querySelector("form.profile-form");
  const input = form.elements.namedItem("name");
  const color = current?.color ?? PALETTE[Math.floor(Math.random() * PALETTE.length)];
  renderSwatches(form.querySelector("fieldset.swatches"), i18n, color);
  input.value = current?.name ?? "";
  dialog.querySelector(".profile-message").textContent = "";
  dialog.querySelector(".profile-cancel").hidden = !cancellable;
  const submit = form.querySelector("button[type=submit]");
  submit.dataset.i18n = cancellable ? "profile.save" : "profile.submit"; // kept across language switches
  submit.textContent = i18n.t(submit.dataset.i18n);
  const answer = awaitAnswer(dialog, i18n, current, cancellable, storage);
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", ""); // browsers before <dialog>: shown inline
  input.focus();
  return answer;
}

/** The remembered profile, or asks for one the first time. */
export async function ensureProfile(dialog, i18n, storage = globalThis.localStorage) {
  return loadProfile(storage) ?? askProfile(dialog, i18n, null, { storage });
}

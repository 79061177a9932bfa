// The person's display name and colour: asked once, remembered in
// localStorage, editable later from the toolbar.
import { PALETTE, isColor } from "./colors.js";

const PROFILE_KEY = "ardoise.profile";
const MAX_NAME_LENGTH = 64;

/** A usable profile from anything (stored JSON, form input), or null. */
export function validProfile(value) {
  const name = typeof value?.name === "string" ? value.name.trim() : "";
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return null;
  return { name, color: isColor(value.color) ? value.color.toLowerCase() : PALETTE[0] };
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

/**
 * Shows the profile dialog (a <dialog> holding form.profile-form with input[name=name]
 * and fieldset.swatches) and resolves with the saved {name, color}.
 * `cancellable` adds a cancel path that resolves with `current` unchanged.
 */
export function askProfile(dialog, i18n, current = null, { cancellable = false, storage } = {}) {
  const form = dialog.querySelector("form.profile-form");
  const input = form.elements.namedItem("name");
  const message = dialog.querySelector(".profile-message");
  const cancel = dialog.querySelector(".profile-cancel");
  renderSwatches(form.querySelector("fieldset.swatches"), i18n, current?.color ?? PALETTE[Math.floor(Math.random() * PALETTE.length)]);
  input.value = current?.name ?? "";
  message.textContent = "";
  cancel.hidden = !cancellable;
  return new Promise((resolve) => {
    const close = (profile) => {
      form.removeEventListener("submit", onSubmit);
      cancel.removeEventListener("click", onCancel);
      dialog.removeEventListener("cancel", onEscape);
      if (typeof dialog.close === "function" && dialog.open) dialog.close();
      dialog.removeAttribute("open");
      resolve(profile);
    };
    const onSubmit = (event) => {
      event.preventDefault();
      const profile = validProfile({ name: input.value, color: form.elements.namedItem("color").value });
      if (!profile) {
        message.textContent = i18n.t("profile.nameRequired");
        input.focus();
        return;
      }
      saveProfile(profile, storage);
      close(profile);
    };
    const onCancel = () => close(current);
    const onEscape = (event) => {
      event.preventDefault(); // the first time a name is required; later Escape is the cancel button
      if (cancellable) close(current);
    };
    form.addEventListener("submit", onSubmit);
    cancel.addEventListener("click", onCancel);
    dialog.addEventListener("cancel", onEscape);
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", ""); // browsers before <dialog>: shown inline
    input.focus();
  });
}

/** The remembered profile, or asks for one the first time. */
export async function ensureProfile(dialog, i18n, storage = globalThis.localStorage) {
  return loadProfile(storage) ?? askProfile(dialog, i18n, null, { storage });
}

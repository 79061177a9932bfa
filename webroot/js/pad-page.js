// The pad page without the network: i18n, profile, editor, participants,
// status bar and toolbar, mounted and returned as handles for the OT binding.
import { loadI18n, bindLanguageSelect } from "./i18n.js";
import { padNameFromLocation, padNameProblem, rememberPad } from "./pads.js";
import { createEditor } from "./editor/editor.js";
import { authorship, isAuthorshipVisible, setAuthorshipVisible } from "./editor/authorship.js";
import { remoteCursors } from "./editor/remote-cursors.js";
import { createParticipantList } from "./editor/participants.js";
import { createStatusBar } from "./editor/status-bar.js";
import { askProfile, ensureProfile, loadProfile } from "./editor/profile.js";
import { wireShare } from "./editor/share.js";
import { padSearch } from "./editor/search.js";
import { mountFormatToolbar } from "./editor/format-toolbar.js";
import { applyTheme, loadTheme } from "./editor/theme.js";

function showProfile(button, profile) {
  button.querySelector(".profile-dot").style.backgroundColor = profile.color;
  button.querySelector(".profile-name").textContent = profile.name;
}

function wireColorsToggle(button, view) {
  const sync = () => button.setAttribute("aria-pressed", String(isAuthorshipVisible(view.state)));
  button.addEventListener("click", () => {
    setAuthorshipVisible(view, !isAuthorshipVisible(view.state));
    sync();
  });
  sync();
}

function showBadName(doc, i18n, problem) {
  doc.getElementById("pad-title").textContent = i18n.t("pad.badName");
  const main = doc.getElementById("pad-main");
  const message = doc.createElement("p");
  message.className = "page-message";
  message.textContent = i18n.t(problem);
  main.replaceChildren(message);
}

/**
 * Mounts the page. Resolves with the handles the binding uses:
 * { i18n, padName, profile, view, statusBar, participants, onProfileChange(listener) }
 * or null when the address names no valid pad.
 * `extensions` are added to the editor (the binding's own extension goes here).
 */
export async function mountPadPage({ doc = document, extensions = [] } = {}) {
  applyTheme(doc, loadTheme());
  const i18n = await loadI18n();
  bindLanguageSelect(doc.getElementById("language"), i18n);
  const padName = padNameFromLocation(doc.defaultView.location);
  const problem = padNameProblem(padName);
  if (problem) {
    showBadName(doc, i18n, problem);
    return null;
  }
  rememberPad(padName);
  doc.getElementById("pad-title").textContent = padName;
  doc.title = `${padName} — Ardoise`;

  const statusBar = createStatusBar(doc.getElementById("status-bar"), i18n);
  const participants = createParticipantList(doc.getElementById("participant-list"),
    doc.getElementById("participant-count"), i18n);
  const dialog = doc.getElementById("profile-dialog");
  // The pad is joined once the person has a name: until then nothing connects.
  if (!loadProfile()) statusBar.setConnection("waiting");
  let profile = await ensureProfile(dialog, i18n);
  statusBar.setConnection(doc.defaultView.navigator.onLine === false ? "offline" : "connecting");

  const view = createEditor({
    parent: doc.getElementById("editor"),
    placeholderText: i18n.t("editor.placeholder"),
    label: i18n.t("editor.label", { name: padName }),
    extensions: [padSearch(i18n, () => view), authorship({ colors: {} }), remoteCursors(), extensions],
  });
  mountFormatToolbar(view, i18n);
  wireColorsToggle(doc.getElementById("toggle-colors"), view);
  wireShare(doc, i18n, padName);

  const profileListeners = [];
  const profileButton = doc.getElementById("edit-profile");
  showProfile(profileButton, profile);
  profileButton.addEventListener("click", async () => {
    const next = await askProfile(dialog, i18n, profile, { cancellable: true });
    if (next === profile) return;
    profile = next;
    showProfile(profileButton, profile);
    for (const listener of profileListeners) listener(profile);
  });
  return {
    i18n, padName, view, statusBar, participants,
    get profile() { return profile; },
    onProfileChange: (listener) => profileListeners.push(listener),
    // The pad gave another colour than the profile's (not picked, and someone there has it): shown
    // here and offered in the dialog, not saved (the preference stays for other pads).
    showColor(color) {
      profile = { ...profile, color };
      showProfile(profileButton, profile);
    },
  };
}

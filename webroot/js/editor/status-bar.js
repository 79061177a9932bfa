// Connection and save state, shown as it really is: a dead socket is never shown as "connecté",
// a browser without network says "hors ligne", and text not yet acknowledged is counted in
// characters (what a person recognises, unlike the number of keystrokes or operations). Nothing is
// said about saving before the pad's text is known: "all changes saved" beside "connecting…" on a
// page that has loaded nothing would be a claim about nothing.

// "waiting": the page waits for the person's name before it joins the pad. "deleted": the pad was
// deleted on the server; the page never connects again.
const CONNECTION_STATES = ["waiting", "connecting", "connected", "reconnecting", "offline", "deleted"];

/**
 * Renders into `element` (the status bar; give it role="status").
 * @returns {{setConnection(state: "waiting"|"connecting"|"connected"|"reconnecting"|"offline"|"deleted"): void,
 *            setPending(characters: number|null): void,
 *            current(): {connection: string, pending: number|null}}}
 */
export function createStatusBar(element, i18n) {
  const dot = document.createElement("span");
  dot.className = "status-dot";
  dot.setAttribute("aria-hidden", "true");
  const connection = document.createElement("span");
  connection.className = "status-connection";
  const save = document.createElement("span");
  save.className = "status-save";
  element.replaceChildren(dot, connection, save);
  const state = { connection: globalThis.navigator?.onLine === false ? "offline" : "connecting", pending: null };

  function render() {
    element.dataset.connection = state.connection;
    connection.textContent = i18n.t(`status.${state.connection}`);
    save.hidden = state.pending === null;
    if (state.pending === null) {
      delete element.dataset.pending;
      save.textContent = "";
      return;
    }
    element.dataset.pending = String(state.pending);
    save.textContent = state.pending > 0
      ? i18n.t("status.unsaved", { count: state.pending })
      : i18n.t("status.saved");
  }

  i18n.onChange(render);
  render();
  return {
    setConnection(next) {
      if (!CONNECTION_STATES.includes(next)) throw new Error(`unknown connection state: ${next}`);
      state.connection = next;
      render();
    },
    /** Characters typed or deleted and not yet acknowledged; null while the pad's text is unknown. */
    setPending(characters) {
      state.pending = characters === null ? null : Math.max(0, Math.trunc(Number(characters) || 0));
      render();
    },
    current: () => ({ ...state }),
  };
}

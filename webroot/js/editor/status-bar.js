// Connection and save state, shown as it really is: a dead socket is never
// shown as "connecté", and pending edits are counted until acknowledged.

const CONNECTION_STATES = ["connecting", "connected", "reconnecting", "offline"];

/**
 * Renders into `element` (the status bar; give it role="status").
 * @returns {{setConnection(state: "connecting"|"connected"|"reconnecting"|"offline"): void,
 *            setPending(count: number): void, current(): {connection: string, pending: number}}}
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
  const state = { connection: "connecting", pending: 0 };

  function render() {
    element.dataset.connection = state.connection;
    element.dataset.pending = String(state.pending);
    connection.textContent = i18n.t(`status.${state.connection}`);
    save.textContent = state.pending > 0
      ? i18n.t("status.pending", { count: state.pending })
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
    setPending(count) {
      state.pending = Math.max(0, Math.trunc(Number(count) || 0));
      render();
    },
    current: () => ({ ...state }),
  };
}

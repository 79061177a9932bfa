// The pad page with the network: mounts the page (js/pad-page.js), then binds its editor,
// status bar and participant list to a PadSession. The only module that knows both CodeMirror's
// extensions and the session.

import { Compartment, EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { mountPadPage } from '../pad-page.js';
import { authorAnnotation, authorRunsEffect, setAuthorColors, setLocalAuthorId } from '../editor/authorship.js';
import { remoteCursorList, removeRemoteCursor, updateRemoteCursor } from '../editor/remote-cursors.js';
import { applyRemoteOperation, padBinding, replaceDocument } from './binding.js';
import { CompositionGuard } from './composition-guard.js';
import { prepareOfflineShell } from './offline-shell.js';
import { keepCaretAboveKeyboard } from './phone-viewport.js';
import { PadSession, hasPending } from './pad-session.js';
import { chooseClient } from './choose-client.js';
import { WritingAnnouncer } from './writing-announcer.js';
import { mountChat } from '../chat/chat-panel.js';
import { padNameFromLocation } from '../pads.js';
import { adoptOwnerLink } from './owner-tokens.js';
import { mountOwnerPanel } from './owner-panel.js';
import { mountPolicyView } from './policy-view.js';

const ERROR_KEYS = {
  'store-unavailable': 'error.storeUnavailable',
  'pad-too-large': 'error.padTooLarge',
  'too-many-connections': 'error.tooManyConnections',
  replaced: 'error.replaced',
  'server-full': 'error.serverFull',
  'paste-too-large': 'error.pasteTooLarge',
  'message-too-large': 'error.messageTooLarge',
};

const readOnly = [EditorState.readOnly.of(true), EditorView.editable.of(false)];

function editorAdapter(view, editable, guard) {
  return {
    reset(doc) {
      guard.clear();
      replaceDocument(view, doc.text, [authorRunsEffect(doc.runs)]);
    },
    applyRemote(op, authorId) {
      guard.remote(op, authorId);
    },
    applySnapshot(op, doc) {
      // Held ops come first (op applies to the text they lead to); a snapshot is too rare to wait.
      guard.flush(true);
      applyRemoteOperation(view, op, [authorAnnotation.of('')], [authorRunsEffect(doc.runs)]);
    },
    setEditable(on) {
      view.dispatch({ effects: editable.reconfigure(on ? [] : readOnly) });
    },
    setRemoteCursor(member, range) {
      if (guard.holding && range) return; // positions are the client's, not yet the editor's
      if (!range) removeRemoteCursor(view, member.clientId);
      else updateRemoteCursor(view, { clientId: member.clientId, name: member.name, color: member.color, ...range });
    },
    renameRemoteCursor(member) {
      const shown = remoteCursorList(view.state).find((c) => c.clientId === member.clientId);
      if (shown) updateRemoteCursor(view, { ...shown, name: member.name, color: member.color });
    },
    setAuthorColors(colors) {
      setAuthorColors(view, colors);
    },
    setLocalAuthor(authorId) {
      setLocalAuthorId(view, authorId);
    },
  };
}

/**
 * The status bar is a live region: a count changing on every keystroke would keep screen readers
 * talking. A change of kind (text unknown, all saved, some unsaved) shows at once; a changing
 * count at most once a second.
 */
function pendingDisplay(statusBar) {
  const kind = (count) => (count === null ? 'unknown' : count === 0 ? 'saved' : 'unsaved');
  let shown = statusBar.current().pending;
  let latest = shown;
  let timer = null;
  const show = () => {
    timer = null;
    shown = latest;
    statusBar.setPending(latest);
  };
  return (count) => {
    latest = count;
    if (kind(count) !== kind(shown)) {
      clearTimeout(timer);
      show();
    } else if (count !== shown && !timer) {
      timer = setTimeout(show, 1000);
    }
  };
}

/** "Amélie is writing", said politely to screen readers (js/pad/writing-announcer.js). */
function writingAnnouncer(page, doc) {
  const win = doc.defaultView;
  return new WritingAnnouncer({
    region: doc.getElementById('writing-announcer'),
    say: (names) => page.i18n.t('a11y.writing', {
      count: names.length,
      names: new Intl.ListFormat(page.i18n.lang, { type: 'conjunction' }).format(names),
    }),
    clock: { now: () => win.performance.now(), setTimeout: (f, ms) => win.setTimeout(f, ms), clearTimeout: (t) => win.clearTimeout(t) },
  });
}

/**
 * What a tab shows once its pad was deleted: why it stopped, and a button that saves the text it
 * still shows as a Markdown file, made in the browser (the server's exports of the pad are gone).
 */
function deletedNotice(page, doc) {
  const notice = doc.createElement('div');
  notice.id = 'pad-deleted';
  notice.className = 'pad-deleted';
  notice.setAttribute('role', 'alert');
  const message = doc.createElement('p');
  message.dataset.i18n = 'padDeleted.message';
  message.textContent = page.i18n.t('padDeleted.message');
  const save = doc.createElement('button');
  save.type = 'button';
  save.className = 'button-primary';
  save.dataset.i18n = 'padDeleted.saveCopy';
  save.textContent = page.i18n.t('padDeleted.saveCopy');
  save.addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([page.view.state.doc.toString()], { type: 'text/markdown;charset=utf-8' }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = `${page.padName}.md`;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  notice.append(message, save);
  return notice;
}

function uiAdapter(page, doc, announcer, chat, policyView) {
  const showPending = pendingDisplay(page.statusBar);
  const problem = doc.createElement('span');
  problem.className = 'status-error';
  doc.getElementById('status-bar').append(problem);
  return {
    status({ connection, pending, storageFailed }) {
      page.statusBar.setConnection(connection === 'online' ? 'connected' : connection);
      showPending(pending);
      problem.textContent = storageFailed ? page.i18n.t('status.storageFailed') : '';
      chat.setOnline(connection === 'online');
    },
    chat: (message) => chat.receive(message),
    chatRefused: (message) => chat.refused(message),
    presence(members, ownClientId) {
      page.participants.update(members, ownClientId);
      announcer.presence(members.filter((m) => m.clientId !== ownClientId));
    },
    ownColor(color) {
      page.showColor(color);
    },
    policy: (view) => policyView.show(view),
    passwordRefused: (message) => policyView.passwordRefused(message),
    padDeleted() {
      problem.textContent = '';
      if (doc.getElementById('pad-deleted')) return;
      doc.getElementById('pad-main').before(deletedNotice(page, doc));
    },
    error(code, message) {
      if (code === null) {
        problem.textContent = '';
        return;
      }
      problem.textContent = page.i18n.t(ERROR_KEYS[code] ?? 'error.generic', { message: String(message ?? code) });
    },
  };
}

/** Starts the pad page; resolves with the session (null when the address names no pad). */
export async function startPadApp(doc = document) {
  let session = null;
  let guard = null;
  const editable = new Compartment();
  const binding = padBinding({
    onLocalOperation: (op) => session?.localOperation(guard.local(op)),
    onSelection: (range) => { if (!guard?.holding) session?.localSelection(range); },
    onTooLarge: () => session?.ui.error('paste-too-large', ''),
  });
  // An owner link (#owner=…) is taken before anything else runs, and leaves the address bar at once.
  adoptOwnerLink(doc.defaultView, localStorage, padNameFromLocation(doc.defaultView.location));
  const page = await mountPadPage({ doc, extensions: [binding, editable.of(readOnly)] });
  if (!page) return null;
  const { view } = page;
  const announcer = writingAnnouncer(page, doc);
  guard = new CompositionGuard(view, (op, authorId) => {
    applyRemoteOperation(view, op, [authorAnnotation.of(authorId)]);
    announcer.remoteEdit(authorId);
  });
  const chosen = await chooseClient({
    storage: localStorage, tabStorage: sessionStorage, padId: page.padName, hasPending,
  });
  const chat = mountChat({
    doc,
    root: doc.getElementById('chat'),
    toggleHost: doc.getElementById('status-bar'),
    i18n: page.i18n,
    send: (text) => session.sendChat(text),
    selfClientId: () => session.client.clientId,
  });
  const policyView = mountPolicyView({
    doc, i18n: page.i18n, anchor: doc.getElementById('pad-main'), statusBar: doc.getElementById('status-bar'),
    unlock: (password) => session.unlock(password),
  });
  session = new PadSession({
    padId: page.padName,
    chosen,
    profile: page.profile,
    editor: editorAdapter(view, editable, guard),
    ui: uiAdapter(page, doc, announcer, chat, policyView),
  });
  // Known from a saved state, else from the first `joined` (the server derives it from our author secret).
  setLocalAuthorId(view, session.client.authorId);
  page.onProfileChange((profile) => session.setProfile(profile));
  // Reloads and closed tabs: the full state is written while the page can still run code.
  doc.defaultView.addEventListener('pagehide', () => session.flush());
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') session.flush();
  });
  session.start();
  exposeForTests(doc.defaultView, session, view);
  keepCaretAboveKeyboard(view, doc.defaultView);
  view.focus();
  prepareOfflineShell(doc.defaultView);
  mountOwnerPanel({ doc, i18n: page.i18n, padId: page.padName, onPasswordSet: (password) => session.unlock(password) })
    .catch((e) => console.warn(`pad=${page.padName} owner panel unavailable`, e.message));
  return session;
}

/** Read-only probes for the browser tests and for support ("what does this tab think?"). */
function exposeForTests(win, session, view) {
  win.ardoisePad = Object.freeze({
    text: () => view.state.doc.toString(),
    rev: () => session.client.rev,
    pending: () => session.client.hasPending(),
    clientId: () => session.client.clientId,
    authorId: () => session.client.authorId,
    online: () => session.joined,
    // Where the caret is on screen, drawn or not (CodeMirror draws it only while the window has focus).
    caretRect: () => {
      const at = view.coordsAtPos(view.state.selection.main.head);
      return at && { top: at.top, bottom: at.bottom };
    },
  });
}

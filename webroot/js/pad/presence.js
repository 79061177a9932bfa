// Who is on the pad, their cursors and every author's colour, as this tab shows them. Without a
// live socket we cannot know who is there, so others' names and cursors are cleared rather than
// left stale; colours stay (kept per pad in localStorage) so text keeps its author's colour after
// they leave, and offline. Colours of authors this tab never met come from the server
// (rememberAuthors); members present override them.
//
// editor: setRemoteCursor(member, range | null), setAuthorColors(Map authorId -> color),
//         renameRemoteCursor(member) (optional: a shown cursor takes the member's new name and colour)
// ui:     presence(members, ownClientId)

const MAX_COLORS = 500;
const COLOR = /^#[0-9a-fA-F]{6}$/;

export class PadPresence {
  /** `self()` returns this tab's member {clientId, authorId, name, color}. */
  constructor({ storage, padId, editor, ui, self }) {
    this.storage = storage;
    this.key = `ardoise.colors.${padId}`;
    this.editor = editor;
    this.ui = ui;
    this.self = self;
    this.members = new Map();
    this.colors = this.loadColors();
  }

  /** The list the server sent (presence message). */
  update(members) {
    const list = Array.isArray(members) ? members : [];
    const before = this.members;
    this.members = new Map(list.map((member) => [member.clientId, member]));
    for (const [id, was] of before) {
      const now = this.members.get(id);
      if (!now) this.editor.setRemoteCursor({ clientId: id }, null);
      else if (now.name !== was.name || now.color !== was.color) this.editor.renameRemoteCursor?.(now); // label follows a rename
    }
    this.remember(list.filter((m) => m.clientId !== this.self().clientId));
    this.ui.presence(list, this.self().clientId);
  }

  /** Offline or not joined yet: only this tab is known to be here. */
  showOnlySelf() {
    for (const id of this.members.keys()) {
      if (id !== this.self().clientId) this.editor.setRemoteCursor({ clientId: id }, null);
    }
    this.members = new Map();
    this.remember([]);
    this.ui.presence([this.self()], this.self().clientId);
  }

  /** A member's cursor, already in this editor's positions. */
  showCursor(clientId, range) {
    const member = this.members.get(clientId);
    if (member && clientId !== this.self().clientId) this.editor.setRemoteCursor(member, range);
  }

  isMember(clientId) {
    return this.members.has(clientId);
  }

  knowsColor(authorId) {
    return this.colors.has(authorId);
  }

  /** The colours of the pad's authors as the server keeps them (Map authorId -> color), people who left included. */
  rememberAuthors(colors) {
    const present = new Set([...this.members.values()].map((m) => m.authorId));
    for (const [authorId, color] of colors) {
      if (!present.has(authorId) && authorId !== this.self().authorId && COLOR.test(color)) this.colors.set(authorId, color);
    }
    this.remember([...this.members.values()].filter((m) => m.clientId !== this.self().clientId));
  }

  remember(members) {
    const own = this.self();
    for (const m of members) if (m.authorId && COLOR.test(m.color ?? '')) this.colors.set(m.authorId, m.color);
    this.colors.set(own.authorId, own.color);
    this.saveColors();
    this.editor.setAuthorColors(this.colors);
  }

  loadColors() {
    try {
      const entries = Object.entries(JSON.parse(this.storage.getItem(this.key) || '{}'));
      return new Map(entries.filter(([, c]) => COLOR.test(c)));
    } catch (e) {
      return new Map();
    }
  }

  saveColors() {
    try {
      this.storage.setItem(this.key, JSON.stringify(Object.fromEntries([...this.colors].slice(-MAX_COLORS))));
    } catch (e) {
      // colours are a comfort: without storage they come back with the next presence message
    }
  }
}

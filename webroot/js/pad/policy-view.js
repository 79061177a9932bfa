// What every member sees of the owner's policy (write-gate.js gives the view): the deletion date in
// the status bar, a banner when the pad is locked, and the password prompt when writing needs a
// password this tab has not given. The prompt's password goes to `unlock` (pad-access.js), never
// into the address or a log.

import { deletionLine } from './lifetimes.js';
import { createPasswordForm, refusalText } from './password-form.js';

function element(doc, tag, props = {}, i18nKey = null) {
  const node = Object.assign(doc.createElement(tag), props);
  if (i18nKey) node.dataset.i18n = i18nKey;
  return node;
}

/**
 * Mounts the banner before `anchor` and the date line in `statusBar`; `unlock(password)` sends a
 * typed password. Returns {show(view), passwordRefused(errorMessage)}.
 */
export function mountPolicyView({ doc, i18n, anchor, statusBar, unlock }) {
  const deletes = element(doc, 'span', { id: 'pad-deletes-at', className: 'status-deletes', hidden: true });
  // Before the chat's button (pushed to the far end): on a wide or sideways screen one row holds all.
  const toggle = statusBar.querySelector('.chat-toggle');
  if (toggle) toggle.before(deletes);
  else statusBar.append(deletes);
  const banner = element(doc, 'div', { id: 'policy-banner', className: 'policy-banner', hidden: true });
  const locked = element(doc, 'p', { id: 'policy-locked', className: 'policy-text policy-locked', hidden: true }, 'policy.locked');
  let refusal = null;
  const prompt = createPasswordForm(doc, { intro: 'policy.passwordIntro', label: 'policy.passwordLabel', submit: 'policy.passwordSubmit' },
    (password) => {
      refusal = null;
      unlock(password);
    });
  prompt.form.hidden = true;
  const held = element(doc, 'p', { id: 'policy-held', className: 'hint', hidden: true }, 'policy.heldEdits');
  banner.append(locked, prompt.form, held);
  // Said when it appears: a person typing must learn why the text stopped taking their keys.
  banner.setAttribute('role', 'status');
  anchor.before(banner);
  let last = null;

  const render = () => {
    for (const node of banner.querySelectorAll('[data-i18n]')) node.textContent = i18n.t(node.dataset.i18n);
    const line = deletionLine(i18n, last);
    deletes.hidden = line === null;
    deletes.textContent = line ?? '';
    prompt.message.textContent = refusal ? i18n.t(refusal.key, refusal.params) : '';
    if (!last) return;
    locked.hidden = !last.locked;
    const asking = last.passwordRequired && !last.canWrite && !last.locked;
    prompt.form.hidden = !asking;
    banner.hidden = locked.hidden && prompt.form.hidden;
    held.hidden = banner.hidden || !last.held;
    banner.dataset.reason = last.locked ? 'locked' : asking ? 'password' : '';
  };

  i18n.onChange(render);
  return {
    show(view) {
      const wasAsking = last && last.passwordRequired && !last.canWrite;
      last = view;
      if (view.canWrite) {
        refusal = null;
        if (wasAsking) prompt.input.value = ''; // accepted: nothing left in the page
      }
      render();
    },
    passwordRefused(m) {
      refusal = refusalText(m);
      render();
      prompt.input.select();
    },
  };
}

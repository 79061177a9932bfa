// The read-only page's and the projector's password prompt, for a pad whose owner protects the
// read-only views with the edit password: shown while the server asks for it, gone once a join
// with it is accepted (viewer-session.js sends it, and keeps it for this tab's reconnects).

import { createPasswordForm, refusalText } from '../pad/password-form.js';

/** Mounts the (hidden) prompt before `anchor`; returns ui.password for the ViewerSession. */
export function mountViewerPassword(doc, i18n, anchor, unlock) {
  const banner = Object.assign(doc.createElement('div'), { id: 'policy-banner', className: 'policy-banner', hidden: true });
  banner.dataset.reason = 'password';
  banner.setAttribute('role', 'status');
  const prompt = createPasswordForm(doc, { intro: 'policy.readPasswordIntro', label: 'policy.readPasswordLabel', submit: 'policy.readPasswordSubmit' }, unlock);
  banner.append(prompt.form);
  anchor.before(banner);
  let last = null;
  const render = () => {
    for (const node of banner.querySelectorAll('[data-i18n]')) node.textContent = i18n.t(node.dataset.i18n);
    const refusal = last && last.code !== 'password-required' ? refusalText(last) : null;
    prompt.message.textContent = refusal ? i18n.t(refusal.key, refusal.params) : '';
  };
  i18n.onChange(render);
  return (m) => {
    last = m;
    banner.hidden = m === null;
    if (m === null) prompt.input.value = '';
    render();
    if (m && !banner.hidden) prompt.input.select();
  };
}

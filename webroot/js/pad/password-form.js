// The password prompt of the pad page (to write) and of the read-only views (to read, when the
// owner protects them too): one form, its texts by i18n key, marked data-i18n so a language switch
// retranslates them. The typed password goes to `submit(password)` only.

function element(doc, tag, props = {}, i18nKey = null) {
  const node = Object.assign(doc.createElement(tag), props);
  if (i18nKey) node.dataset.i18n = i18nKey;
  return node;
}

/** keys: {intro, label, submit}; returns {form, input, message, refused(m, i18n)}. */
export function createPasswordForm(doc, keys, submit) {
  const form = element(doc, 'form', { id: 'password-form', className: 'password-form', noValidate: true });
  const intro = element(doc, 'p', { className: 'policy-text' }, keys.intro);
  const label = element(doc, 'label', { htmlFor: 'pad-password' }, keys.label);
  const row = element(doc, 'div', { className: 'field-row' });
  const input = element(doc, 'input', {
    id: 'pad-password', type: 'password', autocomplete: 'current-password', maxLength: 128, required: true,
  });
  input.setAttribute('aria-describedby', 'password-message');
  const button = element(doc, 'button', { type: 'submit', className: 'button-primary' }, keys.submit);
  row.append(input, button);
  const message = element(doc, 'p', { id: 'password-message', className: 'form-message' });
  message.setAttribute('aria-live', 'polite');
  form.append(intro, label, row, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.length === 0) return input.focus();
    message.textContent = '';
    return submit(input.value);
  });
  return { form, input, message };
}

/** The i18n key and parameters of the message for a refused password (wrong, or too many tries). */
export function refusalText(m) {
  return m.code === 'password-rate-limited'
    ? { key: 'policy.passwordRateLimited', params: { seconds: Number.isInteger(m.retryAfter) ? m.retryAfter : 60 } }
    : { key: 'policy.passwordWrong', params: {} };
}

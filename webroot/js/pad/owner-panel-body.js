// The owner dialog's content (owner-panel.js wires it): built from text with textContent only, in
// the page's language (`t`), rebuilt when the language or the settings change.

function make(doc, tag, props = {}, children = []) {
  const node = Object.assign(doc.createElement(tag), props);
  node.append(...children);
  return node;
}

function checkbox(doc, id, text, checked, disabled = false) {
  const input = make(doc, 'input', { type: 'checkbox', id, checked: Boolean(checked), disabled });
  return make(doc, 'label', { className: 'owner-check', htmlFor: id }, [input, make(doc, 'span', { textContent: text })]);
}

function actions(doc, t) {
  return make(doc, 'div', { className: 'dialog-actions' }, [
    make(doc, 'button', { type: 'button', className: 'button-primary owner-close', textContent: t('owner.close') }),
  ]);
}

function message(doc) {
  const node = make(doc, 'p', { id: 'owner-message', className: 'share-message' });
  node.setAttribute('aria-live', 'polite');
  return node;
}

/** "This pad has no owner": the claim button. */
export function buildClaimBody(doc, t) {
  return make(doc, 'div', { className: 'owner-body' }, [
    make(doc, 'h2', { id: 'owner-title', textContent: t('owner.claimTitle') }),
    make(doc, 'p', { className: 'hint', textContent: t('owner.claimIntro') }),
    make(doc, 'button', { type: 'button', id: 'owner-claim', className: 'button-primary', textContent: t('owner.claim') }),
    message(doc), actions(doc, t),
  ]);
}

function passwordSection(doc, t, s) {
  const input = make(doc, 'input', { type: 'password', id: 'owner-password', autocomplete: 'new-password', minLength: 4, maxLength: 128 });
  const row = make(doc, 'div', { className: 'field-row' }, [input,
    make(doc, 'button', { type: 'submit', className: 'button-secondary', textContent: t('owner.passwordSave') })]);
  const form = make(doc, 'form', { id: 'owner-password-form', noValidate: true }, [
    make(doc, 'label', { htmlFor: 'owner-password', textContent: t('owner.passwordNew') }), row]);
  const remove = make(doc, 'button', {
    type: 'button', id: 'owner-password-remove', className: 'button-secondary', textContent: t('owner.passwordRemove'),
    hidden: !s.passwordRequired,
  });
  return make(doc, 'fieldset', { className: 'owner-section' }, [
    make(doc, 'legend', { textContent: t('owner.passwordLegend') }),
    make(doc, 'p', { id: 'owner-password-state', className: 'hint', textContent: t(s.passwordRequired ? 'owner.passwordSet' : 'owner.passwordNone') }),
    form, remove,
    // Reading can only be protected by a password that exists.
    checkbox(doc, 'owner-protect', t('owner.protectReadOnly'), s.protectReadOnly, !s.passwordRequired && !s.protectReadOnly),
  ]);
}

function deleteSection(doc, t) {
  const confirm = make(doc, 'div', { id: 'owner-delete-confirm', className: 'owner-confirm', hidden: true }, [
    make(doc, 'p', { textContent: t('owner.deleteConfirm') }),
    make(doc, 'div', { className: 'join-actions' }, [
      make(doc, 'button', { type: 'button', id: 'owner-delete-yes', className: 'button-danger', textContent: t('owner.deleteYes') }),
      make(doc, 'button', { type: 'button', id: 'owner-delete-no', className: 'button-secondary', textContent: t('owner.deleteNo') }),
    ]),
  ]);
  return make(doc, 'div', { className: 'owner-section owner-danger' }, [
    make(doc, 'button', { type: 'button', id: 'owner-delete', className: 'button-danger-outline', textContent: t('owner.delete') }),
    confirm,
  ]);
}

/** The owner's settings `s` (GET /api/pads/{pad}/settings) and what can be changed. */
export function buildOwnerBody(doc, t, s) {
  const lifetime = make(doc, 'div', { className: 'owner-section' }, [
    make(doc, 'label', { htmlFor: 'owner-lifetime', textContent: t('owner.lifetimeLabel') }),
    make(doc, 'select', { id: 'owner-lifetime' }),
    make(doc, 'p', { id: 'owner-deletes-at', className: 'hint' }),
  ]);
  const link = make(doc, 'input', { id: 'owner-link', readOnly: true, hidden: true });
  link.setAttribute('aria-label', t('owner.ownerLinkField'));
  return make(doc, 'div', { className: 'owner-body' }, [
    make(doc, 'h2', { id: 'owner-title', textContent: t('owner.title') }),
    make(doc, 'p', { className: 'hint', textContent: t('owner.intro') }),
    lifetime,
    make(doc, 'div', { className: 'owner-section' }, [checkbox(doc, 'owner-lock', t('owner.lock'), s.locked)]),
    passwordSection(doc, t, s),
    make(doc, 'div', { className: 'owner-section' }, [
      make(doc, 'button', { type: 'button', id: 'owner-rotate', className: 'button-secondary', textContent: t('owner.rotate') }),
      make(doc, 'p', { className: 'hint', textContent: t('owner.rotateHint') }),
    ]),
    make(doc, 'div', { className: 'owner-section' }, [
      make(doc, 'button', { type: 'button', id: 'owner-copy-link', className: 'button-secondary', textContent: t('owner.ownerLink') }),
      link,
      make(doc, 'p', { className: 'hint', textContent: t('owner.ownerLinkHint') }),
    ]),
    deleteSection(doc, t),
    message(doc), actions(doc, t),
  ]);
}

// The editor's "Share" dialog (edit link, read-only link, QR code of the edit link, copy buttons)
// and its "Projector" link. Links come from GET /api/pads/{pad}/links, so they use the server's
// public address, not necessarily the one this browser typed.

async function copyText(doc, input) {
  try {
    await doc.defaultView.navigator.clipboard.writeText(input.value);
    return true;
  } catch (e) {
    // No clipboard API outside secure contexts (http:// on a LAN address): the old way.
    input.focus();
    input.select();
    return doc.execCommand?.('copy') === true;
  }
}

async function loadLinks(padName) {
  const response = await fetch(`/api/pads/${encodeURIComponent(padName)}/links`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`links answered ${response.status}`);
  return response.json();
}

/** Wires #open-share, #share-dialog and #open-projector for `padName`. */
export function wireShare(doc, i18n, padName) {
  const path = `/p/${encodeURIComponent(padName)}`;
  doc.getElementById('open-projector').href = `${path}/projector`;
  const dialog = doc.getElementById('share-dialog');
  const message = dialog.querySelector('#share-message');
  const qr = dialog.querySelector('#share-qr');
  const fields = { edit: dialog.querySelector('#share-edit'), readOnly: dialog.querySelector('#share-read') };

  doc.getElementById('open-share').addEventListener('click', async () => {
    message.textContent = i18n.t('share.loading');
    dialog.showModal();
    try {
      const links = await loadLinks(padName);
      fields.edit.value = links.edit;
      fields.readOnly.value = links.readOnly;
      qr.src = `${path}/qr.svg`;
      qr.alt = i18n.t('share.qrAlt', { url: links.edit });
      qr.hidden = false;
      message.textContent = '';
    } catch (e) {
      message.textContent = i18n.t('share.failed');
    }
  });
  for (const button of dialog.querySelectorAll('.share-copy')) {
    button.addEventListener('click', async () => {
      const ok = await copyText(doc, dialog.querySelector(`#${button.dataset.copy}`));
      message.textContent = i18n.t(ok ? 'share.copied' : 'share.copyFailed');
    });
  }
  dialog.querySelector('.share-close').addEventListener('click', () => dialog.close());
}

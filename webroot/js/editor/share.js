// The editor's "Share" dialog (edit link, read-only link, QR code of the edit link, copy buttons)
// and its "Projector" link. Links come from GET /api/pads/{pad}/links, so they use the server's
// public address, not necessarily the one this browser typed. When this browser reached the server
// through localhost, the server answers with its LAN addresses instead (a phone scanning
// "localhost" would reach itself): the dialog says so and lets the facilitator pick another one.
import { readableLink, mixedScripts } from '../pads.js';

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

async function loadLinks(padName, address) {
  const query = address ? `?host=${encodeURIComponent(address)}` : '';
  const response = await fetch(`/api/pads/${encodeURIComponent(padName)}/links${query}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`links answered ${response.status}`);
  return response.json();
}

function element(doc, tag, props) {
  return Object.assign(doc.createElement(tag), props);
}

/**
 * The parts pad.html does not carry: the LAN note and address choice (under the intro), and the
 * QR code's readable caption (under the code). Marked with data-i18n so a language change
 * re-translates them.
 */
function addLanParts(doc, i18n, dialog, qr) {
  const lan = element(doc, 'div', { className: 'share-lan', hidden: true });
  const note = element(doc, 'p', { id: 'share-lan-note', className: 'share-lan-note' });
  note.dataset.i18n = 'share.lanNote';
  const label = element(doc, 'label', { className: 'share-address' });
  const labelText = element(doc, 'span');
  labelText.dataset.i18n = 'share.addressLabel';
  const select = element(doc, 'select', { id: 'share-address' });
  label.append(labelText, select);
  lan.append(note, label);
  dialog.querySelector('.hint').after(lan);
  const box = element(doc, 'figure', { className: 'share-qr-box' });
  qr.replaceWith(box);
  const caption = element(doc, 'figcaption', { id: 'share-qr-caption', className: 'share-qr-caption' });
  box.append(qr, caption);
  for (const node of [note, labelText]) node.textContent = i18n.t(node.dataset.i18n);
  return { lan, select, label, caption };
}

/**
 * A name mixing look-alike alphabets ("ѕecret" with a Cyrillic "ѕ") may pass for another pad's:
 * the dialog says so before the link is handed out.
 */
function flagMixedScripts(doc, i18n, dialog, padName) {
  if (mixedScripts(padName).length === 0) return;
  const warning = element(doc, 'p', { id: 'share-mixed-scripts', className: 'share-mixed-scripts' });
  warning.dataset.i18n = 'share.mixedScripts';
  warning.textContent = i18n.t('share.mixedScripts');
  dialog.querySelector('.hint').before(warning);
}

/** Wires #open-share, #share-dialog and #open-projector for `padName`. */
export function wireShare(doc, i18n, padName) {
  const path = `/p/${encodeURIComponent(padName)}`;
  doc.getElementById('open-projector').href = `${path}/projector`;
  const dialog = doc.getElementById('share-dialog');
  const message = dialog.querySelector('#share-message');
  const qr = dialog.querySelector('#share-qr');
  const fields = { edit: dialog.querySelector('#share-edit'), readOnly: dialog.querySelector('#share-read') };
  const parts = addLanParts(doc, i18n, dialog, qr);
  flagMixedScripts(doc, i18n, dialog, padName);

  const readHint = dialog.querySelector('#share-read-hint');
  const readCopy = dialog.querySelector('[data-copy="share-read"]');
  const show = (links) => {
    fields.edit.value = links.edit;
    // A pad nobody wrote in has no read-only link yet: the server makes it with the first edit.
    const later = typeof links.readOnly !== 'string';
    fields.readOnly.value = later ? '' : links.readOnly;
    fields.readOnly.disabled = later;
    readCopy.disabled = later;
    readHint.dataset.i18n = later ? 'share.readOnlyLater' : 'share.readOnlyHint';
    readHint.textContent = i18n.t(readHint.dataset.i18n);
    const addresses = links.lan && Array.isArray(links.addresses) ? links.addresses : [];
    parts.lan.hidden = addresses.length === 0;
    parts.label.hidden = addresses.length < 2;
    parts.select.replaceChildren(...addresses.map((a) => element(doc, 'option', { value: a, textContent: a })));
    parts.select.value = links.address ?? '';
    qr.src = `${path}/qr.svg${addresses.length ? `?host=${encodeURIComponent(links.address)}` : ''}`;
    qr.alt = i18n.t('share.qrAlt', { url: links.edit });
    qr.hidden = false;
    // Host and path may go on two lines, never broken inside a word: "192.168.1.20:9000" / "/p/réunion".
    const readable = readableLink(links.edit);
    const slash = readable.indexOf('/');
    parts.caption.replaceChildren(slash < 0 ? readable : readable.slice(0, slash), doc.createElement('wbr'),
      slash < 0 ? '' : readable.slice(slash));
    message.textContent = '';
  };
  const load = async (address) => {
    try {
      show(await loadLinks(padName, address));
    } catch (e) {
      message.textContent = i18n.t('share.failed');
    }
  };

  doc.getElementById('open-share').addEventListener('click', () => {
    message.textContent = i18n.t('share.loading');
    dialog.showModal();
    return load(parts.select.value || null); // keeps the address picked earlier
  });
  parts.select.addEventListener('change', () => load(parts.select.value));
  for (const button of dialog.querySelectorAll('.share-copy')) {
    button.addEventListener('click', async () => {
      const ok = await copyText(doc, dialog.querySelector(`#${button.dataset.copy}`));
      message.textContent = i18n.t(ok ? 'share.copied' : 'share.copyFailed');
    });
  }
  dialog.querySelector('.share-close').addEventListener('click', () => dialog.close());
}

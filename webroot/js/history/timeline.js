// The document at the revision on screen, moved by the slider, the buttons and the player.
// A far jump asks the server for that revision (one checkpoint + < 256 ops there); a short step
// forward applies op records fetched ahead in batches, so playing never replays from revision 0.

import { AttributedText } from '../ot/attributed-text.js';
import { TextOperation } from '../ot/text-operation.js';

const STEP_WINDOW = 400; // forward moves up to this many revisions are played from op records
const BATCH = 2000;

export class Timeline {
  constructor(api, onState) {
    this.api = api;
    this.onState = onState;
    this.rev = -1;
    this.doc = AttributedText.of('');
    this.authors = {};
    this.time = 0;
    this.records = new Map(); // rev -> {op, author, time}
    this.pending = null;
    this.wanted = 0;
  }

  /** Moves to `rev`; calls coalesce so a fast scrub only loads where the slider stops. */
  goTo(rev) {
    this.wanted = rev;
    if (!this.pending) this.pending = this.#settle().finally(() => { this.pending = null; });
    return this.pending;
  }

  async #settle() {
    while (this.wanted !== this.rev) {
      const target = this.wanted;
      if (target > this.rev && this.rev >= 0 && target - this.rev <= STEP_WINDOW) await this.#playTo(target);
      else await this.#jumpTo(target);
      this.onState(this);
    }
  }

  async #jumpTo(rev) {
    const state = await this.api.state(rev);
    this.doc = AttributedText.fromRuns(state.text, state.runs);
    this.authors = { ...this.authors, ...state.authors };
    this.time = state.time;
    this.rev = state.rev;
  }

  async #playTo(target) {
    await this.#ensureRecords(this.rev, target);
    let doc = this.doc;
    for (let r = this.rev + 1; r <= target; r++) {
      const record = this.records.get(r);
      doc = doc.apply(TextOperation.fromJSON(record.op), record.author);
      this.time = record.time;
    }
    this.doc = doc;
    this.rev = target;
    if (doc.runs.some(([, author]) => !(author in this.authors))) {
      this.authors = { ...this.authors, ...(await this.api.state(target)).authors };
    }
  }

  async #ensureRecords(from, to) {
    let next = from + 1;
    while (next <= to) {
      if (this.records.has(next)) { next++; continue; }
      const { ops } = await this.api.ops(next - 1, Math.max(to, next - 1 + BATCH));
      if (!ops.length) throw new Error(`no op record after revision ${next - 1}`);
      for (const record of ops) this.records.set(record.rev, record);
      if (this.records.size > 20 * BATCH) this.#forgetOldRecords(next);
    }
  }

  #forgetOldRecords(keepFrom) {
    for (const rev of this.records.keys()) if (rev < keepFrom) this.records.delete(rev);
  }
}

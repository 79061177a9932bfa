// The part of CodeMirror's StringStream (@codemirror/language) that webroot/js/editor/markdown-mode.js
// uses, with the same semantics, so the tokenizer runs under node without the WebJars.
export class StringStream {
  constructor(string) {
    this.string = string;
    this.pos = 0;
    this.start = 0;
  }

  eol() { return this.pos >= this.string.length; }

  sol() { return this.pos === 0; }

  peek() { return this.string.charAt(this.pos) || undefined; }

  next() {
    if (this.pos < this.string.length) return this.string.charAt(this.pos++);
    return undefined;
  }

  eat(match) {
    const ch = this.string.charAt(this.pos);
    const ok = typeof match === 'string' ? ch === match : ch && (match instanceof RegExp ? match.test(ch) : match(ch));
    if (ok) {
      this.pos++;
      return ch;
    }
    return undefined;
  }

  eatSpace() {
    const start = this.pos;
    while (/[\s\u00a0]/.test(this.string.charAt(this.pos))) this.pos++;
    return this.pos > start;
  }

  skipToEnd() { this.pos = this.string.length; }

  skipTo(ch) {
    const found = this.string.indexOf(ch, this.pos);
    if (found > -1) {
      this.pos = found;
      return true;
    }
    return undefined;
  }

  match(pattern, consume = true) {
    if (typeof pattern === 'string') {
      if (this.string.substr(this.pos, pattern.length) !== pattern) return null;
      if (consume !== false) this.pos += pattern.length;
      return true;
    }
    const match = this.string.slice(this.pos).match(pattern);
    if (match && match.index > 0) return null;
    if (match && consume !== false) this.pos += match[0].length;
    return match;
  }

  current() { return this.string.slice(this.start, this.pos); }
}

/** Tokenizes `text` line by line as StreamLanguage does: [[text, token], …] per line, tokens merged. */
export function tokenize(mode, text) {
  const state = mode.startState();
  return text.split('\n').map((line) => {
    const tokens = [];
    if (line === '') {
      mode.blankLine?.(state);
      return tokens;
    }
    const stream = new StringStream(line);
    while (!stream.eol()) {
      stream.start = stream.pos;
      const token = mode.token(stream, state) ?? null;
      if (stream.pos <= stream.start) throw new Error(`no progress at ${stream.pos} in ${JSON.stringify(line)}`);
      const last = tokens[tokens.length - 1];
      if (last && last[1] === token) last[0] += stream.current();
      else tokens.push([stream.current(), token]);
    }
    return tokens;
  });
}

// A streaming Markdown tokenizer for CodeMirror's StreamLanguage: the parts people write in
// minutes (headings, **bold**, *italic*, ~~struck~~, `code`, fenced code, lists, checklists,
// quotes, links, rules). CodeMirror's own Markdown language (@codemirror/lang-markdown) is not
// published as a WebJar, and @codemirror/legacy-modes has no Markdown mode, hence this one.
//
// Tokens are names of @lezer/highlight tags, space-separated, so StreamLanguage maps them with no
// table: the syntax characters carry `processingInstruction` (the tag lang-markdown gives them)
// on top of the tags of the text around them, so a `#` keeps its heading's size while dimmed.
//
// Emphasis never crosses a line break: a lone `*` typed mid-sentence styles at most the rest of
// its line, and every line starts from the same state except inside a fenced block, which keeps
// re-highlighting after an edit to one line short.

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\](?=[ \t]|$)[ \t]*)?/;
const RULE = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^(`{3,}|~{3,})/;
const LINK = /^\[[^\]\n]*\]\([^()\s]*\)/;
const URL = /^https?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/;
const PLAIN = /^[^*_`~[\]()\\h\s]+|^\s+|^h/;

function isWordChar(ch) {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

function isSpace(ch) {
  return ch === undefined || /\s/.test(ch);
}

function startState() {
  return { fence: null, heading: 0, quote: false, strong: false, em: false, strike: false, code: 0, link: null };
}

function startLine(state) {
  state.heading = 0;
  state.quote = false;
  state.strong = false;
  state.em = false;
  state.strike = false;
  state.code = 0;
  state.link = null;
}

function style(state, ...extra) {
  const tags = [];
  if (state.heading) tags.push(`heading${state.heading}`);
  if (state.quote) tags.push("quote");
  if (state.strong) tags.push("strong");
  if (state.em) tags.push("emphasis");
  if (state.strike) tags.push("strikethrough");
  if (state.link === "text") tags.push("link");
  if (state.code) tags.push("monospace");
  tags.push(...extra);
  return tags.join(" ") || null;
}

// Block syntax at the start of a line: returns a token, or undefined when the line is plain text.
function lineStart(stream, state) {
  const fence = stream.match(FENCE);
  if (fence) {
    state.fence = fence[1];
    stream.skipToEnd();
    return "monospace processingInstruction";
  }
  const heading = stream.match(/^(#{1,6})(?=[ \t]|$)[ \t]*/);
  if (heading) {
    state.heading = heading[1].length;
    return style(state, "processingInstruction");
  }
  if (stream.match(RULE)) return "contentSeparator processingInstruction";
  if (stream.match(/^>[ \t]?/)) {
    state.quote = true;
    return style(state, "processingInstruction");
  }
  if (stream.match(LIST_MARKER)) return style(state, "list", "processingInstruction");
  return undefined;
}

function inFence(stream, state) {
  const close = stream.sol() && stream.match(/^[ \t]{0,3}(`{3,}|~{3,})[ \t]*$/, false);
  if (close && close[1][0] === state.fence[0] && close[1].length >= state.fence.length) {
    state.fence = null;
    stream.skipToEnd();
    return "monospace processingInstruction";
  }
  stream.skipToEnd();
  return "monospace";
}

function inlineCode(stream, state) {
  const ticks = "`".repeat(state.code);
  if (stream.match(ticks)) {
    state.code = 0;
    return "monospace processingInstruction";
  }
  if (!stream.skipTo(ticks)) stream.skipToEnd();
  return style(state);
}

// `**`, `__`, `*`, `_`, `~~`: a delimiter opens when text follows it and closes when text precedes
// it; `_` inside a word (snake_case) is plain text.
function delimiter(stream, state) {
  const before = stream.string.charAt(stream.pos - 1) || undefined;
  const run = stream.match(/^(\*\*|__|~~|\*|_)/)[1];
  const after = stream.string.charAt(stream.pos) || undefined;
  const flag = run === "~~" ? "strike" : run.length === 2 ? "strong" : "em";
  const intraword = run[0] === "_" && isWordChar(before) && isWordChar(after);
  const canOpen = !state[flag] && !isSpace(after) && !intraword;
  const canClose = state[flag] && !isSpace(before) && !intraword;
  if (!canOpen && !canClose) return style(state);
  if (canOpen) state[flag] = true;
  const token = style(state, "processingInstruction");
  if (canClose) state[flag] = false;
  return token;
}

function link(stream, state) {
  if (state.link === "text" && stream.eat("]")) {
    stream.eat("(");
    state.link = "url";
    return style(state, "processingInstruction");
  }
  if (state.link === "url") {
    if (stream.eat(")")) {
      state.link = null;
      return style(state, "processingInstruction");
    }
    stream.match(/^[^)]+/);
    return style(state, "url");
  }
  return undefined;
}

function inline(stream, state) {
  if (state.code) return inlineCode(stream, state);
  const linkToken = link(stream, state);
  if (linkToken !== undefined) return linkToken;
  const ch = stream.peek();
  if (ch === "\\" && stream.match(/^\\[\\`*_{}[\]()#+\-.!~>]/)) return style(state);
  if (ch === "`") {
    state.code = stream.match(/^`+/)[0].length;
    return "monospace processingInstruction";
  }
  if (ch === "*" || ch === "_" || (ch === "~" && stream.match("~~", false))) return delimiter(stream, state);
  if (ch === "[" && state.link === null && stream.match(LINK, false)) {
    stream.next();
    const token = style(state, "processingInstruction");
    state.link = "text";
    return token;
  }
  if (ch === "h" && stream.match(URL)) return style(state, "url");
  if (!stream.match(PLAIN)) stream.next();
  return style(state);
}

/** The StreamLanguage parser: `StreamLanguage.define(markdownMode)`. */
export const markdownMode = {
  name: "markdown",
  startState,
  copyState: (state) => ({ ...state }),
  token(stream, state) {
    if (stream.sol()) startLine(state);
    if (state.fence) return inFence(stream, state);
    if (stream.sol()) {
      // Indented lines: only a nested list marker is block syntax after the spaces.
      if (stream.eatSpace() && !stream.match(LIST_MARKER, false)) return null;
      const block = lineStart(stream, state);
      if (block !== undefined) return block;
    }
    return inline(stream, state);
  },
  blankLine: startLine,
  languageData: { commentTokens: {} },
};

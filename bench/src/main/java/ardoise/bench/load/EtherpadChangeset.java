package ardoise.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Etherpad's changeset format ("easysync"), as much of it as a typing client needs: the packed form
 * {@code Z:<oldLen>(>|<)<diff><ops>$<charBank>} (numbers in base 36), applying a changeset to a
 * text, composing two in a row and moving one past another ({@link #follow}), for inserts and
 * deletes with attributes on inserts (the author). Written from the format as Etherpad 1.8 defines
 * it; it follows its semantics where they matter to the server:
 *
 * <ul>
 *   <li>Every op carries how many newlines it spans ({@code |L}); an op that spans some ends with a
 *       newline, so a run of one kind splits at its last newline. The server re-assembles each
 *       changeset it receives and refuses it unless it comes out identical, so {@link #pack} writes
 *       that canonical form: between two keeps, deletes before inserts, runs of the same kind and
 *       attributes merged, the final keep left implicit.</li>
 *   <li>{@link #follow} breaks ties between two inserts at one place as Etherpad does: the one that
 *       does not start with a newline goes first, else the first changeset's unless
 *       {@code reverseInsertOrder}. A client that breaks them otherwise ends with another text than
 *       the server.</li>
 * </ul>
 *
 * <p>Attributes are kept as the op's attribute string ({@code *0*3}) and only carried along: merging
 * two different non-empty attribute strings on one character (formatting) is not supported and
 * throws. Etherpad's {@code insertorder} attribute is not supported.
 *
 * <p>Immutable; a changeset is checked for consistent lengths when made.
 */
final class EtherpadChangeset {
  final int oldLen;
  final int newLen;
  /** Canonical ops, without the implicit keep at the end. */
  final List<Op> ops;
  final String charBank;

  private EtherpadChangeset(int oldLen, int newLen, List<Op> ops, String charBank) {
    this.oldLen = oldLen;
    this.newLen = newLen;
    this.ops = ops;
    this.charBank = charBank;
    int base = 0;
    int target = 0;
    int inserted = 0;
    for (Op op : ops) {
      switch (op.code) {
        case '=' -> { base += op.chars; target += op.chars; }
        case '-' -> base += op.chars;
        default -> { target += op.chars; inserted += op.chars; }
      }
    }
    if (base > oldLen || newLen - target != oldLen - base || inserted != charBank.length()) {
      throw new IllegalArgumentException("inconsistent changeset " + pack());
    }
  }

  /** One op: {@code code} '=', '-' or '+' (0: none, while zipping), over {@code chars} characters of which {@code lines} are newlines. */
  static final class Op {
    char code;
    int chars;
    int lines;
    String attribs;

    Op(char code, int chars, int lines, String attribs) {
      this.code = code;
      this.chars = chars;
      this.lines = lines;
      this.attribs = attribs;
    }

    Op copy() {
      return new Op(code, chars, lines, attribs);
    }

    @Override
    public String toString() {
      return attribs + (lines > 0 ? "|" + Integer.toString(lines, 36) : "") + code + Integer.toString(chars, 36);
    }
  }

  /** The changeset that changes nothing in a text of {@code length} characters. */
  static EtherpadChangeset identity(int length) {
    return new EtherpadChangeset(length, length, List.of(), "");
  }

  boolean isIdentity() {
    return ops.isEmpty() && oldLen == newLen;
  }

  // ---- packed form

  static EtherpadChangeset unpack(String cs) {
    if (!cs.startsWith("Z:")) throw new IllegalArgumentException("not a changeset: " + cs);
    int i = 2;
    int signAt = i;
    while (signAt < cs.length() && cs.charAt(signAt) != '>' && cs.charAt(signAt) != '<') signAt++;
    int oldLen = Integer.parseInt(cs.substring(i, signAt), 36);
    int diffEnd = signAt + 1;
    while (diffEnd < cs.length() && Character.digit(cs.charAt(diffEnd), 36) >= 0) diffEnd++;
    int diff = Integer.parseInt(cs.substring(signAt + 1, diffEnd), 36);
    int newLen = cs.charAt(signAt) == '>' ? oldLen + diff : oldLen - diff;
    int bankAt = cs.indexOf('$', diffEnd);
    if (bankAt < 0) throw new IllegalArgumentException("changeset without a char bank: " + cs);
    List<Op> ops = new ArrayList<>();
    i = diffEnd;
    StringBuilder attribs = new StringBuilder();
    while (i < bankAt) {
      attribs.setLength(0);
      while (cs.charAt(i) == '*') {
        int end = digitsEnd(cs, i + 1);
        attribs.append(cs, i, end);
        i = end;
      }
      int lines = 0;
      if (cs.charAt(i) == '|') {
        int end = digitsEnd(cs, i + 1);
        lines = Integer.parseInt(cs.substring(i + 1, end), 36);
        i = end;
      }
      char code = cs.charAt(i);
      if (code != '=' && code != '-' && code != '+') throw new IllegalArgumentException("bad op at " + i + " in " + cs);
      int end = digitsEnd(cs, i + 1);
      ops.add(new Op(code, Integer.parseInt(cs.substring(i + 1, end), 36), lines, attribs.toString()));
      i = end;
    }
    return new EtherpadChangeset(oldLen, newLen, List.copyOf(ops), cs.substring(bankAt + 1));
  }

  private static int digitsEnd(String s, int from) {
    int i = from;
    while (i < s.length() && Character.digit(s.charAt(i), 36) >= 0 && !Character.isUpperCase(s.charAt(i))) i++;
    if (i == from) throw new IllegalArgumentException("number expected at " + from + " in " + s);
    return i;
  }

  String pack() {
    StringBuilder sb = new StringBuilder(24 + charBank.length()).append("Z:").append(Integer.toString(oldLen, 36));
    sb.append(newLen >= oldLen ? '>' : '<').append(Integer.toString(Math.abs(newLen - oldLen), 36));
    for (Op op : ops) sb.append(op);
    return sb.append('$').append(charBank).toString();
  }

  @Override
  public String toString() {
    return pack();
  }

  // ---- applying

  /** The text after this changeset, checking lengths and every op's newline count as the server does. */
  String apply(CharSequence text) {
    if (text.length() != oldLen) throw new IllegalArgumentException("changeset for " + oldLen + " characters applied to " + text.length());
    StringBuilder out = new StringBuilder(newLen);
    int pos = 0;
    int bank = 0;
    for (Op op : ops) {
      CharSequence span = op.code == '+' ? charBank.subSequence(bank, bank + op.chars) : text.subSequence(pos, pos + op.chars);
      if (newlines(span, 0, span.length()) != op.lines) {
        throw new IllegalArgumentException("newline count is wrong in op " + op + " of " + pack());
      }
      switch (op.code) {
        case '=' -> { out.append(span); pos += op.chars; }
        case '-' -> pos += op.chars;
        default -> { out.append(span); bank += op.chars; }
      }
    }
    return out.append(text, pos, text.length()).toString();
  }

  /** Applies this changeset to {@code text} in place, without the newline checks (the client's hot path). */
  void applyTo(StringBuilder text) {
    if (text.length() != oldLen) throw new IllegalArgumentException("changeset for " + oldLen + " characters applied to " + text.length());
    int pos = 0;
    int bank = 0;
    for (Op op : ops) {
      switch (op.code) {
        case '=' -> pos += op.chars;
        case '-' -> text.delete(pos, pos + op.chars);
        default -> {
          text.insert(pos, charBank, bank, bank + op.chars);
          pos += op.chars;
          bank += op.chars;
        }
      }
    }
  }

  static int newlines(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) if (s.charAt(i) == '\n') n++;
    return n;
  }

  // ---- making one

  /** Inserts {@code s} at {@code pos} of {@code text}, its characters marked with {@code attribs} (e.g. {@code *0}, the author). */
  static EtherpadChangeset insert(CharSequence text, int pos, String s, String attribs) {
    Assembler a = new Assembler();
    a.appendText('=', text, 0, pos, "");
    a.appendText('+', s, 0, s.length(), attribs);
    return a.finish(text.length(), text.length() + s.length(), s);
  }

  /** Deletes {@code count} characters of {@code text} at {@code pos}. */
  static EtherpadChangeset delete(CharSequence text, int pos, int count) {
    Assembler a = new Assembler();
    a.appendText('=', text, 0, pos, "");
    a.appendText('-', text, pos, pos + count, "");
    return a.finish(text.length(), text.length() - count, "");
  }

  /** The same changeset with no attribute on any op (for a client that reads only the text). */
  EtherpadChangeset withoutAttribs() {
    boolean any = false;
    for (Op op : ops) any |= !op.attribs.isEmpty();
    if (!any) return this;
    Assembler a = new Assembler();
    for (Op op : ops) {
      Op bare = op.copy();
      bare.attribs = "";
      a.append(bare);
    }
    return a.finish(oldLen, newLen, charBank);
  }

  // ---- compose and follow

  /** {@code a} then {@code b}, as one changeset. */
  static EtherpadChangeset compose(EtherpadChangeset a, EtherpadChangeset b) {
    if (a.newLen != b.oldLen) throw new IllegalArgumentException("cannot compose " + a + " with " + b);
    Zip z = new Zip(a, b);
    StringBuilder bank = new StringBuilder();
    Assembler out = new Assembler();
    while (z.next()) {
      Op op1 = z.op1;
      Op op2 = z.op2;
      char code2 = op2.code;
      Op o;
      if (op1.code == '-') {
        o = op1.copy();
        op1.code = 0;
      } else if (op1.code == 0) {
        o = op2.copy();
        op2.code = 0;
      } else if (op2.code == '-') {
        // b deletes what a kept (a delete) or inserted (nothing left of it)
        int n = Math.min(op1.chars, op2.chars);
        int lines = op2.chars <= op1.chars ? op2.lines : op1.lines;
        o = op1.code == '=' ? new Op('-', n, lines, "") : null;
        if (op1.code == '+') z.bank1 += n;
        z.consume(op1, n, lines);
        z.consume(op2, n, lines);
      } else if (op2.code == '+') {
        o = op2.copy();
        op2.code = 0;
      } else if (op2.code == 0) {
        o = op1.copy();
        op1.code = 0;
      } else {
        // b keeps what a kept or inserted
        int n = Math.min(op1.chars, op2.chars);
        int lines = op2.chars <= op1.chars ? op2.lines : op1.lines;
        o = new Op(op1.code, n, lines, composeAttribs(op1.attribs, op2.attribs));
        z.consume(op1, n, lines);
        z.consume(op2, n, lines);
      }
      if (o != null && o.code == '+') {
        if (code2 == '+') {
          bank.append(b.charBank, z.bank2, z.bank2 + o.chars);
          z.bank2 += o.chars;
        } else {
          bank.append(a.charBank, z.bank1, z.bank1 + o.chars);
          z.bank1 += o.chars;
        }
      }
      if (o != null) out.append(o);
    }
    return out.finish(a.oldLen, b.newLen, bank.toString());
  }

  /**
   * {@code b} moved past {@code a} (both made on the same text): apply {@code a}, then the result,
   * and {@code b}'s changes are there too. Two inserts at one place: see the class comment.
   */
  static EtherpadChangeset follow(EtherpadChangeset a, EtherpadChangeset b, boolean reverseInsertOrder) {
    if (a.oldLen != b.oldLen) throw new IllegalArgumentException("cannot follow " + a + " with " + b);
    Zip z = new Zip(a, b);
    Assembler out = new Assembler();
    int oldPos = 0;
    int newLen = 0;
    while (z.next()) {
      Op op1 = z.op1;
      Op op2 = z.op2;
      Op o = null;
      if (op1.code == '+' || op2.code == '+') {
        boolean firstA;
        if (op2.code != '+') firstA = true;
        else if (op1.code != '+') firstA = false;
        else {
          char c1 = a.charBank.charAt(z.bank1);
          char c2 = b.charBank.charAt(z.bank2);
          // Why: an insert that starts with a newline goes after one that does not, so lines stay whole.
          if (c1 == '\n' && c2 != '\n') firstA = false;
          else if (c1 != '\n' && c2 == '\n') firstA = true;
          else firstA = !reverseInsertOrder;
        }
        if (firstA) {
          o = new Op('=', op1.chars, op1.lines, ""); // keep what a inserted
          z.bank1 += op1.chars;
          op1.code = 0;
        } else {
          o = op2.copy();
          z.bank2 += op2.chars;
          op2.code = 0;
        }
      } else if (op1.code == '-') {
        // a deleted it already: b's keep or delete of it goes
        if (op2.code == 0) op1.code = 0;
        else {
          int n = Math.min(op1.chars, op2.chars);
          int lines = op1.chars <= op2.chars ? op1.lines : op2.lines;
          z.consume(op1, n, lines);
          z.consume(op2, n, lines);
        }
      } else if (op2.code == '-') {
        if (op1.code == 0) {
          o = op2.copy();
          op2.code = 0;
        } else {
          int n = Math.min(op1.chars, op2.chars);
          int lines = op2.chars <= op1.chars ? op2.lines : op1.lines;
          o = new Op('-', n, lines, op2.attribs);
          z.consume(op1, n, lines);
          z.consume(op2, n, lines);
        }
      } else if (op1.code == 0) {
        o = op2.copy();
        op2.code = 0;
      } else if (op2.code == 0) {
        op1.code = 0; // b keeps the rest implicitly
      } else {
        int n = Math.min(op1.chars, op2.chars);
        int lines = op1.chars <= op2.chars ? op1.lines : op2.lines;
        o = new Op('=', n, lines, followAttribs(op1.attribs, op2.attribs));
        z.consume(op1, n, lines);
        z.consume(op2, n, lines);
      }
      if (o != null) {
        if (o.code == '=') { oldPos += o.chars; newLen += o.chars; }
        else if (o.code == '-') oldPos += o.chars;
        else newLen += o.chars;
        out.append(o);
      }
    }
    newLen += a.newLen - oldPos;
    return out.finish(a.newLen, newLen, b.charBank);
  }

  private static String composeAttribs(String first, String then) {
    if (then.isEmpty() || then.equals(first)) return first;
    if (first.isEmpty()) return then;
    throw new UnsupportedOperationException("merging attributes " + first + " and " + then);
  }

  private static String followAttribs(String a, String b) {
    if (b.isEmpty() || b.equals(a)) return "";
    if (a.isEmpty()) return b;
    throw new UnsupportedOperationException("merging attributes " + a + " and " + b);
  }

  /**
   * Walks two op lists side by side, one current op of each (code 0 once used up: past the end of
   * a list it stands for the implicit keep). Why an op's newline count can be split exactly: both
   * changesets count newlines over the same text, and a zip step always uses up at least one whole
   * op, whose count is exact; the other op keeps the difference.
   */
  private static final class Zip {
    private final List<Op> ops1;
    private final List<Op> ops2;
    private int i1;
    private int i2;
    final Op op1 = new Op((char) 0, 0, 0, "");
    final Op op2 = new Op((char) 0, 0, 0, "");
    int bank1;
    int bank2;

    Zip(EtherpadChangeset a, EtherpadChangeset b) {
      ops1 = a.ops;
      ops2 = b.ops;
    }

    boolean next() {
      if (op1.code == 0 && i1 < ops1.size()) load(op1, ops1.get(i1++));
      if (op2.code == 0 && i2 < ops2.size()) load(op2, ops2.get(i2++));
      return op1.code != 0 || op2.code != 0;
    }

    private static void load(Op into, Op from) {
      into.code = from.code;
      into.chars = from.chars;
      into.lines = from.lines;
      into.attribs = from.attribs;
    }

    void consume(Op op, int chars, int lines) {
      op.chars -= chars;
      op.lines -= lines;
      if (op.chars == 0) op.code = 0;
    }
  }

  /**
   * Makes the canonical op list: deletes before inserts between two keeps, consecutive ops of one
   * kind and attributes merged into one op through the run's last newline and one op after it, the
   * final keep (without attributes) dropped.
   */
  static final class Assembler {
    private final List<Op> out = new ArrayList<>();
    private final Runs keeps = new Runs();
    private final Runs deletes = new Runs();
    private final Runs inserts = new Runs();
    private char last;

    void append(Op op) {
      if (op.code == 0 || op.chars == 0) return;
      if (op.code == '=') {
        if (last != '=') { deletes.drainTo(out); inserts.drainTo(out); }
        keeps.add(op);
      } else {
        if (last == '=') keeps.drainTo(out);
        (op.code == '-' ? deletes : inserts).add(op);
      }
      last = op.code;
    }

    /** Appends {@code text[from, to)} as ops of {@code code}, split at its last newline. */
    void appendText(char code, CharSequence text, int from, int to, String attribs) {
      int lastNewline = -1;
      int lines = 0;
      for (int i = from; i < to; i++) {
        if (text.charAt(i) == '\n') { lines++; lastNewline = i; }
      }
      if (lines > 0) {
        append(new Op(code, lastNewline + 1 - from, lines, attribs));
        append(new Op(code, to - lastNewline - 1, 0, attribs));
      } else {
        append(new Op(code, to - from, 0, attribs));
      }
    }

    EtherpadChangeset finish(int oldLen, int newLen, String charBank) {
      keeps.dropTrailingPlainRun();
      deletes.drainTo(out);
      inserts.drainTo(out);
      keeps.drainTo(out);
      return new EtherpadChangeset(oldLen, newLen, List.copyOf(out), charBank);
    }
  }

  /** Ops of one kind, merged while their attributes are the same. */
  private static final class Runs {
    private final List<Op> done = new ArrayList<>();
    private char code;
    private String attribs;
    private int throughLastLine;
    private int lines;
    private int after;

    void add(Op op) {
      if (code != 0 && !(op.code == code && op.attribs.equals(attribs))) close();
      if (code == 0) {
        code = op.code;
        attribs = op.attribs;
      }
      if (op.lines > 0) {
        throughLastLine += after + op.chars;
        lines += op.lines;
        after = 0;
      } else {
        after += op.chars;
      }
    }

    private void close() {
      if (code == 0) return;
      if (lines > 0) done.add(new Op(code, throughLastLine, lines, attribs));
      if (after > 0) done.add(new Op(code, after, 0, attribs));
      code = 0;
      throughLastLine = lines = after = 0;
    }

    void dropTrailingPlainRun() {
      if (code != 0 && attribs.isEmpty()) {
        code = 0;
        throughLastLine = lines = after = 0;
      }
    }

    void drainTo(List<Op> out) {
      close();
      out.addAll(done);
      done.clear();
    }
  }
}

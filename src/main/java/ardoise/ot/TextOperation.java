package ardoise.ot;

import ardoise.ot.Component.Delete;
import ardoise.ot.Component.Insert;
import ardoise.ot.Component.Retain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A plain-text operation in the ot.js model: a sequence of retain, insert and delete components
 * that walks over the whole document. Lengths and positions count UTF-16 code units.
 *
 * <p>Invariant: the component list is canonical — no empty components, no two adjacent components of
 * one kind (inserts merge only when their author is the same), and an insert never directly follows a
 * delete. So two operations with the same effect on text and attribution are {@code equals}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TextOperation {
  private final List<Component> components;
  private final int baseLength;
  private final int targetLength;

  private TextOperation(List<Component> components, int baseLength, int targetLength) {
    this.components = Collections.unmodifiableList(components);
    this.baseLength = baseLength;
    this.targetLength = targetLength;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The identity on a document of {@code length} code units. */
  public static TextOperation identity(int length) {
    return builder().retain(length).build();
  }

  public List<Component> components() { return components; }

  /** Length of the document this operation applies to. */
  public int baseLength() { return baseLength; }

  /** Length of the document after applying this operation. */
  public int targetLength() { return targetLength; }

  /** True when applying this operation changes nothing (it only retains). */
  public boolean isNoop() {
    return components.isEmpty() || (components.size() == 1 && components.get(0) instanceof Retain);
  }

  /** Law: {@code apply(doc).length() == targetLength()}; throws if {@code doc} is not this op's base. */
  public String apply(String doc) {
    if (doc.length() != baseLength) {
      throw new InvalidOperationException("operation base length " + baseLength
          + " does not match document length " + doc.length());
    }
    StringBuilder out = new StringBuilder(targetLength);
    int pos = 0;
    for (Component c : components) {
      Utf16.requireBoundary(doc, pos);
      if (c instanceof Retain r) {
        out.append(doc, pos, pos + r.count());
        pos += r.count();
      } else if (c instanceof Insert i) {
        out.append(i.text());
      } else {
        pos += ((Delete) c).count();
      }
    }
    return out.toString();
  }

  /** Law: {@code invert(doc).apply(apply(doc)).equals(doc)}. Restored text carries no author. */
  public TextOperation invert(String doc) {
    if (doc.length() != baseLength) {
      throw new InvalidOperationException("cannot invert: base length " + baseLength
          + " does not match document length " + doc.length());
    }
    Builder inverse = builder();
    int pos = 0;
    for (Component c : components) {
      if (c instanceof Retain r) {
        inverse.retain(r.count());
        pos += r.count();
      } else if (c instanceof Insert i) {
        inverse.delete(i.text().length());
      } else {
        int n = ((Delete) c).count();
        inverse.insert(doc.substring(pos, pos + n));
        pos += n;
      }
    }
    return inverse.build();
  }

  /** Law: {@code a.compose(b).apply(doc).equals(b.apply(a.apply(doc)))}. */
  public TextOperation compose(TextOperation next) {
    return Compose.compose(this, next);
  }

  /**
   * Law (TP1): with {@code [a', b'] = transform(a, b)}, {@code a.compose(b') } and {@code b.compose(a')}
   * have the same effect. At equal positions {@code a}'s insert goes first.
   */
  public static Transformed transform(TextOperation a, TextOperation b) {
    return Transform.transform(a, b);
  }

  /**
   * Where position {@code index} of the base document ends up after this operation (ot.js
   * {@code transformIndex}): an insert exactly at the index pushes it right; a deleted index moves to
   * the start of the deletion. Used for cursors and selections. Throws if {@code index} is not in
   * {@code [0, baseLength()]}.
   */
  public int transformIndex(int index) {
    // An index from a client that is outside the document would come out outside the new one too.
    if (index < 0 || index > baseLength) {
      throw new InvalidOperationException("index " + index + " is outside the document (length " + baseLength + ")");
    }
    int remaining = index;
    int result = index;
    for (Component c : components) {
      if (c instanceof Retain r) {
        remaining -= r.count();
      } else if (c instanceof Insert i) {
        result += i.text().length();
      } else {
        int n = ((Delete) c).count();
        result -= Math.min(remaining, n);
        remaining -= n;
      }
      if (remaining < 0) break;
    }
    return result;
  }

  /** The same operation with every insert that has no author attributed to {@code author}. */
  public TextOperation withAuthor(String author) {
    Builder b = builder();
    for (Component c : components) {
      if (c instanceof Insert i && i.author() == null) b.insert(i.text(), author);
      else b.add(c);
    }
    return b.build();
  }

  /** The same operation with every insert's author removed (the wire form carries none). */
  public TextOperation withoutAuthors() {
    Builder b = builder();
    for (Component c : components) {
      if (c instanceof Insert i) b.insert(i.text(), null);
      else b.add(c);
    }
    return b.build();
  }

  /** Result of {@link #transform}: {@code a'} applies after {@code b}, {@code b'} after {@code a}. */
  public record Transformed(TextOperation aPrime, TextOperation bPrime) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof TextOperation t && components.equals(t.components);
  }

  @Override
  public int hashCode() {
    return Objects.hash(components);
  }

  @Override
  public String toString() {
    return OpJson.toJson(this);
  }

  /** Builds canonical operations; each call appends a component and merges it with the previous one. */
  public static final class Builder {
    private final ArrayList<Component> list = new ArrayList<>();
    private int base;
    private int target;
    // Text of the insert at list index openAt while inserts keep merging into it: joining Strings one
    // by one would be quadratic (seconds to read a 1 MB op of 200,000 one-word inserts;
    // TextOperationTest.readingManySmallInsertsCompletes).
    private StringBuilder openText;
    private int openAt = -1;

    public Builder retain(int count) {
      if (count < 0) throw new InvalidOperationException("retain must not be negative, got " + count);
      if (count == 0) return this;
      base = grow(base, count);
      target = grow(target, count);
      int last = list.size() - 1;
      if (last >= 0 && list.get(last) instanceof Retain r) list.set(last, new Retain(r.count() + count));
      else list.add(new Retain(count));
      return this;
    }

    public Builder insert(String text) {
      return insert(text, null);
    }

    public Builder insert(String text, String author) {
      if (text.isEmpty()) return this;
      Utf16.requireWellFormed(text);
      target = grow(target, text.length());
      int last = list.size() - 1;
      // Canonical order puts an insert before an adjacent delete: both orders have the same effect.
      int at = last >= 0 && list.get(last) instanceof Delete ? last : last + 1;
      int before = at - 1;
      if (before >= 0 && list.get(before) instanceof Insert prev && Objects.equals(prev.author(), author)) {
        if (openAt != before) {
          closeInsert();
          openAt = before;
          openText = new StringBuilder(prev.text());
        }
        openText.append(text);
      } else {
        list.add(at, new Insert(text, author));
      }
      return this;
    }

    public Builder delete(int count) {
      if (count < 0) throw new InvalidOperationException("delete must not be negative, got " + count);
      if (count == 0) return this;
      base = grow(base, count);
      int last = list.size() - 1;
      if (last >= 0 && list.get(last) instanceof Delete d) list.set(last, new Delete(d.count() + count));
      else list.add(new Delete(count));
      return this;
    }

    public Builder add(Component c) {
      if (c instanceof Retain r) return retain(r.count());
      if (c instanceof Insert i) return insert(i.text(), i.author());
      return delete(((Delete) c).count());
    }

    // Without this check a long op from the wire would wrap to a negative length instead of failing clearly.
    private static int grow(int length, int count) {
      if (length > Integer.MAX_VALUE - count) {
        throw new InvalidOperationException("operation is too long: more than " + Integer.MAX_VALUE + " code units");
      }
      return length + count;
    }

    private void closeInsert() {
      if (openAt < 0) return;
      list.set(openAt, new Insert(openText.toString(), ((Insert) list.get(openAt)).author()));
      openAt = -1;
      openText = null;
    }

    public TextOperation build() {
      closeInsert();
      return new TextOperation(new ArrayList<>(list), base, target);
    }
  }
}

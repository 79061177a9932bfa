package ardoise.ot;

/**
 * One component of a {@link TextOperation}. Lengths count UTF-16 code units.
 * Components are immutable values; equal components mean equal effects.
 */
public sealed interface Component permits Component.Retain, Component.Insert, Component.Delete {

  /** Length in the document before the operation (retain and delete) or 0 (insert). */
  int baseLength();

  /** Length in the document after the operation (retain and insert) or 0 (delete). */
  int targetLength();

  /** Keep the next {@code count} code units. */
  record Retain(int count) implements Component {
    public Retain {
      if (count <= 0) throw new InvalidOperationException("retain must be positive, got " + count);
    }
    public int baseLength() { return count; }
    public int targetLength() { return count; }
  }

  /**
   * Insert {@code text} here. {@code author} is who typed it, or null while unknown
   * (ops arriving from the wire carry no author; the pad stamps it with {@link TextOperation#withAuthor}).
   */
  record Insert(String text, String author) implements Component {
    public Insert {
      if (text == null || text.isEmpty()) throw new InvalidOperationException("insert text must not be empty");
    }
    public int baseLength() { return 0; }
    public int targetLength() { return text.length(); }
  }

  /** Remove the next {@code count} code units. */
  record Delete(int count) implements Component {
    public Delete {
      if (count <= 0) throw new InvalidOperationException("delete must be positive, got " + count);
    }
    public int baseLength() { return count; }
    public int targetLength() { return 0; }
  }
}

package ardoise.ot;

/** {@code length} consecutive code units written by {@code author} ("" when unknown). */
public record AuthorRun(int length, String author) {
  public AuthorRun {
    if (length <= 0) throw new InvalidOperationException("author run length must be positive, got " + length);
    if (author == null) throw new InvalidOperationException("author run needs an author");
  }
}

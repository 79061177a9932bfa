package ardoise.http.export;

/**
 * A PDF refused before layout because the pad has more pieces (blocks, lines, runs of text) than
 * the PDF budget: laying them out would take more memory than one render may (1–3 KB of heap
 * per piece). The pad's other formats still download.
 */
public final class ExportTooLarge extends RuntimeException {
  private final int maxPieces;

  ExportTooLarge(int maxPieces) {
    super("the pad has more than " + maxPieces + " paragraphs, lines and runs of text: too many for a PDF", null, false, false);
    this.maxPieces = maxPieces;
  }

  public int maxPieces() {
    return maxPieces;
  }
}

package ardoise.http.export;

import java.time.Instant;
import java.util.Map;

/**
 * Everything a rendered file depends on, so that two requests with equal keys get the same bytes:
 * the format, the pad and revision (with the revision's time, which its header line shows), a
 * fingerprint of the text (length and hash: a revision's text never changes, but a key that also
 * names it cannot serve a stale file if a store were ever rewritten), the options (authorship,
 * language, time zone) and, when authorship is shown, the names and colours of the contributors
 * (a renamed author makes a new file; without authorship they are not printed and not part of it).
 */
public record RenderKey(ExportFormat format, String padName, long rev, Instant time, int textLength, int textHash,
    ExportOptions options, Map<String, Contributor> contributors) {

  public static RenderKey of(ExportFormat format, ExportInput input) {
    return new RenderKey(format, input.padName(), input.rev(), input.time(), input.text().length(),
        input.text().hashCode(), input.options(), input.options().withAuthorship() ? input.contributors() : Map.of());
  }

  /** What a key costs in the cache besides the file: the record, the pad name and the contributors. */
  long overheadBytes() {
    long bytes = 256 + 2L * padName.length();
    for (Map.Entry<String, Contributor> c : contributors.entrySet()) {
      bytes += 96 + 2L * (c.getKey().length() + c.getValue().name().length());
    }
    return bytes;
  }
}

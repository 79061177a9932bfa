package ardoise.http.api;

/** A pad's text at a revision, exactly as stored (no trailing newline added). */
public record PadText(String text, long revision) {}

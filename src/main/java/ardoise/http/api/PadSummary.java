package ardoise.http.api;

/** One pad in a listing: its head revision, the time of its last edit (epoch ms) and its length in UTF-16 code units. */
public record PadSummary(String padId, long revision, long lastEditedMillis, long chars) {}

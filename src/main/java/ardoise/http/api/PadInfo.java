package ardoise.http.api;

/** What a pad is now: head revision, last edit (epoch ms), read-only id, length in UTF-16 code units. */
public record PadInfo(long revision, long lastEditedMillis, String readOnlyId, long chars) {}

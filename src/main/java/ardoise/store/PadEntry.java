package ardoise.store;

/** A written pad as a listing shows it: head revision, last edit (epoch ms) and length in UTF-16 code units. */
public record PadEntry(String padId, long head, long lastEditedMillis, long chars) {}

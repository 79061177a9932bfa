package ardoise.http.api;

/** A revision saved under a name: which revision, the name, who saved it and when (epoch ms). */
public record SavedVersion(long revision, String label, String authorId, long savedMillis) {}

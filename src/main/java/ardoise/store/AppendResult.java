package ardoise.store;

/**
 * Outcome of {@link PadStore#append}: either every record was appended ({@code appended} true,
 * {@code head} the new head), or nothing was because the head had moved ({@code appended} false,
 * {@code head} the head found: the caller loads the missing ops, rebases and retries).
 */
public record AppendResult(boolean appended, long head) {}

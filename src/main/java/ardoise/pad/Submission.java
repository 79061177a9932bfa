package ardoise.pad;

import ardoise.ot.TextOperation;

/** What a member asks of the {@link Sequencer}: apply {@code op}, made on {@code rev}, as {@code seq} of its clientId. */
record Submission(Member member, long rev, long seq, TextOperation op) {}

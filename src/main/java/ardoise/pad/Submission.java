package ardoise.pad;

import ardoise.ot.TextOperation;

/** What a member asks of the {@link Sequencer}: apply {@code op}, made on {@code rev}, as {@code seq} of its clientId. */
record Submission(Seat seat, long rev, long seq, TextOperation op) {

  String clientId() {
    return seat.clientId();
  }

  /** Tells the member that sent it (on its own context). */
  void answer(java.util.function.Consumer<Member> message) {
    seat.tell(message);
  }
}

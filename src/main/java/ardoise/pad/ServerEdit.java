package ardoise.pad;

import ardoise.ot.TextDiff;
import ardoise.ot.TextOperation;
import ardoise.store.OpRecord;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An edit the server makes on a person's behalf (restore a revision, import a file, start from a
 * template): a short-lived member with its own clientId and the person's authorId joins the pad,
 * submits one op through the normal pipeline (so it is rebased, stored, acked and broadcast like a
 * typed edit, and live editors follow), then leaves.
 *
 * <p>{@code change} maps the head text to the wanted text, or to null to refuse (the future then fails
 * with {@link Refused}). The op is a {@link TextDiff} (lines, then characters in changed lines), so
 * every unchanged passage keeps its authors; {@link #replace} instead replaces the whole text as one block.
 * Thread rule: start it on the pad's context; callbacks run there.
 */
public final class ServerEdit implements Member {
  private final Pad pad;
  private final MemberInfo info;
  private final String color;
  private final UnaryOperator<String> change;
  private final boolean whole;
  private final Context context;
  private final Promise<Long> done = Promise.promise();

  /** The edit was refused; the message is safe to show. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  private ServerEdit(Pad pad, String authorId, String name, String color, UnaryOperator<String> change, boolean whole) {
    this.pad = pad;
    this.whole = whole;
    // No colour of its own: the pad keeps the one this author has in it, else takes the person's
    // colour if free (see Palette), so an edit from the history view never recolours their text.
    this.info = new MemberInfo("server-edit-" + UUID.randomUUID(), authorId, name, null);
    this.color = color;
    this.change = change;
    this.context = Vertx.currentContext();
  }

  /** Runs the edit; completes with the new revision (or the head if nothing changed). */
  public static Future<Long> run(Pad pad, String authorId, String name, String color, UnaryOperator<String> change) {
    return start(new ServerEdit(pad, authorId, name, color, change, false));
  }

  /**
   * Replaces the whole text with {@code text} as one block (delete everything, insert the new text),
   * not as a diff: text typed meanwhile lands before or after the new text, never inside it (Etherpad's
   * setText). Completes with the new revision.
   */
  public static Future<Long> replace(Pad pad, String authorId, String name, String color, String text) {
    return start(new ServerEdit(pad, authorId, name, color, head -> text, true));
  }

  private static Future<Long> start(ServerEdit edit) {
    Pad pad = edit.pad;
    pad.join(new Arrival(edit, edit.info, false, null, edit.color), null).onComplete(joined -> {
      if (joined.failed()) edit.done.tryFail(joined.cause());
      else if (!joined.result()) edit.done.tryFail(new Refused("the pad refused the edit (too many connections)"));
    });
    return edit.done.future();
  }

  @Override
  public void joined(long rev, JoinSnapshot snapshot, long lastSeq) {
    String head = snapshot.text();
    String wanted = change.apply(head);
    if (wanted == null) {
      finish(() -> done.tryFail(new Refused("the pad is not empty")));
    } else if (wanted.equals(head)) {
      finish(() -> done.tryComplete(rev));
    } else {
      // On a worker: a diff of two large texts may take a moment. The op is made on rev; the pad
      // rebases it over whatever was committed meanwhile, like any typed edit.
      // Why runOnContext: a diff done before the listener is attached calls it at once, inside this
      // joined(), while the pad is still admitting this member; never call back into it synchronously.
      context.executeBlocking(() -> whole
              ? TextOperation.builder().delete(head.length()).insert(wanted, info.authorId()).build()
              : TextDiff.between(head, wanted, info.authorId()), false)
          .onSuccess(op -> context.runOnContext(v -> pad.submit(this, rev, 1, op)))
          .onFailure(e -> finish(() -> done.tryFail(e)));
    }
  }

  @Override
  public void ack(long seq, long rev) {
    finish(() -> done.tryComplete(rev));
  }

  @Override
  public void rejected(Rejection reason, String message, long seq) {
    finish(() -> done.tryFail(new Refused(message)));
  }

  @Override
  public void evicted(Rejection reason, String message) {
    done.tryFail(new Refused(message));
  }

  private void finish(Runnable outcome) {
    context.runOnContext(v -> {
      pad.leave(this);
      outcome.run();
    });
  }

  /** Its own op comes back in a flush: that is its acknowledgement. */
  @Override
  public void broadcast(Broadcast flush) {
    for (OpRecord r : flush.records()) {
      if (info.clientId().equals(r.clientId())) finish(() -> done.tryComplete(r.rev()));
    }
  }

  @Override public void presence(List<MemberInfo> writers, int viewers) { }

  @Override public void presenceChanged(PresenceChange change, List<MemberInfo> writers) { }
}

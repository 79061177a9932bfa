package ardoise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ardoise.ot.TextOperation;
import ardoise.store.AppendResult;
import ardoise.store.OpRecord;
import ardoise.store.redis.RedisLauncher;
import ardoise.store.redis.RedisPadStore;
import ardoise.testing.RedisNode;
import ardoise.testing.RedisServerExtension;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without the replica wait, a failover can drop a pad's last revisions; the servers that hold them
 * write them back at their next commit. But if another server wrote a new revision first, under a
 * number this server had used, the two histories parted: this server's revisions must not be
 * written on top of the other one (they were made on another text). Here the failover is played on
 * one redis-server by hand: revision 3 dropped, the head and its record put back to revision 2, then
 * another server's edit stored as revision 3. The member's next edit then finds the store's revision
 * 3 is not its server's: the pad stops and the member is told to reconnect; nothing is written over
 * the stored history, and a new join gets the pad as it is stored, where typing goes on.
 */
@Tag("redis")
class ForkedHistoryTest {
  private static final String PAD = "histoire-bifurquee";
  private static final String KEYS = "ardoise:{" + PAD + "}:";
  @RegisterExtension
  static final RedisServerExtension redis = RedisServerExtension.create(RedisLauncher.Fsync.EVERYSEC);
  private final Vertx storeVertx = Vertx.vertx();
  private RedisPadStore store;
  private RedisPadStore otherServer;
  private ServerFixture server;

  @BeforeEach
  void start() {
    store = RedisPadStore.create(storeVertx, redis.url());
    otherServer = RedisPadStore.create(storeVertx, redis.url());
    server = ServerFixture.start(Map.of(), store);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    store.close().await();
    otherServer.close().await();
    storeVertx.close().await();
  }

  @Test
  void aServerWhoseRevisionsWereReplacedDoesNotWriteItsOwnOnTopAndItsMembersRejoin() {
    WsClient member = server.connect(PAD);
    member.join(ServerFixture.newClientId());
    member.op(0, 1, "a");
    assertEquals(1L, member.next("ack").getLong("rev"));
    member.op(1, 2, 1, "b");
    assertEquals(2L, member.next("ack").getLong("rev"));
    member.op(2, 3, 2, "c");
    assertEquals(3L, member.next("ack").getLong("rev"));

    OpRecord second = store.ops(PAD, 1, 2).await().get(0);
    RedisNode.cli(redis.port(), "XDEL", KEYS + "log", "3-0");
    RedisNode.cli(redis.port(), "XSETID", KEYS + "log", "2-0");
    RedisNode.cli(redis.port(), "HSET", KEYS + "meta", "head", "2", "headBy", second.identity());
    RedisNode.cli(redis.port(), "HSET", KEYS + "seqs", second.clientId(), "2:2");
    TextOperation x = TextOperation.builder().retain(2).insert("X", "autre").build();
    AppendResult other = otherServer.append(PAD, 2, List.of(new OpRecord(3, x, "other-server-client", 1, "autre", 1L))).await();
    assertEquals(true, other.appended());

    member.op(3, 4, 3, "d");
    assertEquals("server-error", member.nextErrorCode());
    member.awaitClosed();
    assertEquals("3", RedisNode.cli(redis.port(), "XLEN", KEYS + "log"), "nothing written over the stored history");
    assertEquals("3", RedisNode.cli(redis.port(), "HGET", KEYS + "meta", "head"));

    WsClient again = server.connect(PAD);
    var joined = again.join(ServerFixture.newClientId());
    assertEquals(3L, joined.getLong("rev"));
    assertEquals("abX", joined.getString("text"));
    again.op(3, 1, 3, "!");
    assertEquals(4L, again.next("ack").getLong("rev"));
  }
}

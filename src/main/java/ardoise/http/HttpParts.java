package ardoise.http;

import ardoise.config.Config;
import ardoise.http.export.RenderPool;
import ardoise.http.share.LanAddresses;
import ardoise.http.metrics.ServerMetrics;
import ardoise.pad.PadShards;
import ardoise.store.PadStore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the HTTP side of every event loop shares: the settings, the (metered) store, the pad shards,
 * the meters, the health probes, the count of open sockets and where the machine's LAN addresses
 * come from (for share links opened on localhost), the pool that renders exports, and each client
 * address's budget of requests for pads that do not exist, and the write quotas.
 * Thread rule: any thread.
 */
public record HttpParts(Config config, PadStore store, PadShards shards, ServerMetrics metrics, Health health,
    AtomicInteger clients, LanAddresses lanAddresses, RenderPool exports, MissBudget misses,
    ardoise.quota.Quotas quotas) {}

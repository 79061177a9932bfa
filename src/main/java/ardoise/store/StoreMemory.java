package ardoise.store;

/**
 * How much memory the store uses and may use, in bytes ({@code maxBytes} 0: no limit), as Redis
 * reports them ({@code used_memory}, {@code maxmemory}); /health shows them.
 */
public record StoreMemory(long usedBytes, long maxBytes) {}

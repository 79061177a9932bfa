package ardoise.store;

import java.util.function.LongSupplier;

/**
 * A count a store keeps about itself (e.g. Redis commands that got no answer), exported as a metric
 * named {@code name}. Why here: the store knows what is worth counting; the server registers
 * whatever its store offers without knowing which store it is. {@code value} is read from any thread.
 */
public record StoreCounter(String name, String description, LongSupplier value) {}

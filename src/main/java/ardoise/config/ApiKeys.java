package ardoise.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys programs authenticate with (ARDOISE_API_KEYS), written {@code name:scope:secret} and
 * comma-separated: {@code archive:admin:SECRET1,moodle:write:SECRET2}. A name says who a key is for
 * (it appears in metrics and logs; the secret never does); revoking a key is removing its entry and
 * restarting. Immutable.
 */
public final class ApiKeys {
  private static final ApiKeys NONE = new ApiKeys(List.of());
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  /** Why 16: at least 64 bits of randomness even when written in hexadecimal. */
  static final int MIN_SECRET_CHARS = 16;

  /** What a key may do; each scope includes the ones before it. */
  public enum Scope {
    /** Read pads, their history and exports; list members. */
    READ,
    /** Also create pads and edit them (append, replace, restore, save versions). */
    WRITE,
    /** Also list every pad and delete any pad. */
    ADMIN;

    public boolean includes(Scope needed) {
      return compareTo(needed) >= 0;
    }
  }

  /** One key without its secret: what a request authenticated with it may do, and whose it is. */
  public record ApiKey(String name, Scope scope) {}

  private record Entry(ApiKey key, byte[] secret) {}

  private final List<Entry> entries;

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ApiKeys none() {
    return NONE;
  }

  /**
   * Parses the setting's value; throws {@link IllegalArgumentException} naming the bad entry by its
   * position and name, never by its secret.
   */
  public static ApiKeys parse(String list) {
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> secrets = new HashSet<>();
    String[] parts = list.split(",");
    for (int i = 0; i < parts.length; i++) {
      String entry = parts[i].strip();
      if (entry.isEmpty()) continue;
      String where = "entry " + (i + 1);
      String[] fields = entry.split(":", 3);
      if (fields.length != 3) throw new IllegalArgumentException(where + " is not name:scope:secret");
      String name = fields[0].strip();
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(where + " has a bad name (1 to 40 letters, digits, '.', '_' or '-')");
      }
      where += " (" + name + ")";
      Scope scope;
      try {
        scope = Scope.valueOf(fields[1].strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + " has a bad scope (read, write or admin)");
      }
      String secret = fields[2].strip();
      if (secret.length() < MIN_SECRET_CHARS) {
        throw new IllegalArgumentException(where + " has a secret shorter than " + MIN_SECRET_CHARS + " characters");
      }
      if (!names.add(name)) throw new IllegalArgumentException(where + " repeats a name");
      if (!secrets.add(secret)) throw new IllegalArgumentException(where + " repeats another key's secret");
      entries.add(new Entry(new ApiKey(name, scope), secret.getBytes(StandardCharsets.UTF_8)));
    }
    return entries.isEmpty() ? NONE : new ApiKeys(entries);
  }

  /**
   * The key whose secret is {@code presented}, if any. Every key is compared, each in constant time,
   * so the answer's timing tells neither which key nor how much of a guess was right.
   */
  public Optional<ApiKey> match(String presented) {
    if (presented == null) return Optional.empty();
    byte[] given = presented.getBytes(StandardCharsets.UTF_8);
    ApiKey found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.secret, given)) found = e.key;
    }
    return Optional.ofNullable(found);
  }

  /** The keys' names and scopes, for metrics and the startup log. */
  public List<ApiKey> keys() {
    return entries.stream().map(Entry::key).toList();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiKeys k && k.keys().equals(keys());
  }

  @Override
  public int hashCode() {
    return keys().hashCode();
  }

  @Override
  public String toString() {
    return "ApiKeys" + keys(); // names and scopes only
  }
}

package ardoise.http.etherpad;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A call's parameters as Etherpad reads them: the query string, then the body (a form, or a JSON
 * object), a body field winning over a query parameter of the same name. Names are case-sensitive
 * ({@code padID}, {@code rev}, {@code authorId}), as in Etherpad. Wrong values end the call with
 * code 1 and Etherpad's wording. Immutable.
 */
final class EtherpadParams {
  private final Map<String, String> values;

  EtherpadParams(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Reads the request (its body already read by a BodyHandler); a body that is not what it says is code 1. */
  static EtherpadParams of(RoutingContext ctx) {
    Map<String, String> values = new HashMap<>();
    put(values, ctx.queryParams());
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/json") && ctx.body().length() > 0) {
      JsonObject json;
      try {
        json = ctx.body().asJsonObject();
      } catch (RuntimeException e) {
        throw EtherpadError.wrongParameters("the body is not a JSON object");
      }
      if (json != null) json.forEach(e -> { if (e.getValue() != null) values.put(e.getKey(), String.valueOf(e.getValue())); });
    } else {
      put(values, ctx.request().formAttributes());
    }
    return new EtherpadParams(values);
  }

  private static void put(Map<String, String> into, MultiMap from) {
    for (String name : from.names()) into.put(name, from.get(name));
  }

  /** The value, or null when absent. */
  String optional(String name) {
    return values.get(name);
  }

  /** A value that must be there and not be empty: "padID is required" otherwise. */
  String required(String name) {
    String v = values.get(name);
    if (v == null || v.isEmpty()) throw EtherpadError.wrongParameters(name + " is required");
    return v;
  }

  /** A required text (may be empty, as Etherpad allows setText with ""): "text is no string" when absent. */
  String text(String name) {
    String v = values.get(name);
    if (v == null) throw EtherpadError.wrongParameters(name + " is no string");
    return v;
  }

  /** An optional revision number: null when absent or empty; code 1 unless a whole number from 0. */
  Long revision(String name) {
    String v = values.get(name);
    if (v == null || v.isEmpty()) return null;
    return wholeNumber(name, v);
  }

  /** A required revision number. */
  long requiredRevision(String name) {
    Long rev = revision(name);
    if (rev == null) throw EtherpadError.wrongParameters(name + " is required");
    return rev;
  }

  private static long wholeNumber(String name, String v) {
    long n;
    try {
      // Etherpad reads "3.0" as 3 and refuses "3.5": a revision is a whole number.
      double d = Double.parseDouble(v.strip());
      if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.floor(d) || Math.abs(d) > (1L << 53)) {
        throw EtherpadError.wrongParameters(name + " is a float value");
      }
      n = (long) d;
    } catch (NumberFormatException e) {
      throw EtherpadError.wrongParameters(name + " is not a number");
    }
    if (n < 0) throw EtherpadError.wrongParameters(name + " is not a positive number");
    return n;
  }
}

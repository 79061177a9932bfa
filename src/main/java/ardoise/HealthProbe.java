package ardoise;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -jar ardoise.jar --health-check [URL]}: one GET of a running server's readiness
 * ({@code /health/ready}); exit status 0 when it answers 2xx, 1 otherwise. The container image's
 * HEALTHCHECK runs it, since a slim Java runtime image has neither curl nor wget.
 */
final class HealthProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(4);

  private HealthProbe() {}

  /** The exit status; one line on {@code out} says what was seen. */
  static int check(String url, PrintStream out) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    try {
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      out.println(answer.statusCode() + " " + answer.body());
      return answer.statusCode() / 100 == 2 ? 0 : 1;
    } catch (java.io.IOException | IllegalArgumentException e) {
      out.println("no answer from " + url + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}

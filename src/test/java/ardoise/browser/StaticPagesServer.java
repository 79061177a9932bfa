package ardoise.browser;

import ardoise.http.ImportMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A tiny HTTP server for browser tests of the pages alone: webroot, the WebJars from the
 * classpath, a fixed suggested pad name, and the production Content-Security-Policy.
 */
final class StaticPagesServer implements AutoCloseable {

  static final String SUGGESTED_NAME = "atelier-bleu-42";

  private final Vertx vertx;
  private final HttpServer server;

  private StaticPagesServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static StaticPagesServer start() throws Exception {
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", ImportMap.CONTENT_SECURITY_POLICY);
      ctx.next();
    });
    router.get("/api/pads/suggest-name").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("name", SUGGESTED_NAME).encode()));
    router.get("/api/templates").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .end("{\"templates\":[{\"id\":\"minutes\",\"language\":\"fr\",\"title\":\"Compte rendu\"}]}"));
    // Negative control: proves that BrowserSession.consoleErrors() sees CSP violations.
    router.get("/test/inline-style.html").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end("<!DOCTYPE html><html><head><link rel=\"icon\" href=\"/favicon.svg\">"
            + "<style>body { color: red; }</style></head><body>inline</body></html>"));
    router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(false));
    router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new StaticPagesServer(vertx, server);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** Opens a pad, answers the first-visit name prompt, returns the editor's content element. */
  WebElement openPadAs(BrowserSession browser, String pad, String name) {
    browser.open(url("/pad.html?pad=" + pad));
    WebElement nameInput = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-name")));
    nameInput.sendKeys(name);
    browser.driver().findElement(By.cssSelector(".profile-form button[type=submit]")).click();
    return browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cm-content")));
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}

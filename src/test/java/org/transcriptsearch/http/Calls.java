package org.transcriptsearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.transcriptsearch.model.Json;

/** Plain HTTP calls to a started app on loopback, with whatever headers and bodies a test needs. */
final class Calls {
  private final HttpClient http = HttpClient.newHttpClient();
  private final Javalin app;

  Calls(Javalin app) {
    this.app = app;
  }

  /**
   * A GET; sent once more on a new connection when the first got no answer at all (on a loaded machine the client
   * may reuse a connection the server had just closed, or the OS may refuse one): that is no answer of the server's,
   * and the test still sees the status and the time of the answer it gets.
   */
  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest request = request(path, headers).GET().build();
    try {
      return send(request);
    } catch (IOException noAnswer) {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  HttpResponse<String> delete(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).DELETE().build());
  }

  HttpResponse<String> post(String path, byte[] body, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
    return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> options(String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  /** A request of any method, without a body. */
  HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
    return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

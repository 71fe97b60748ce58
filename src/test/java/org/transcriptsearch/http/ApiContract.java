package org.transcriptsearch.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Json;

/**
 * The API's OpenAPI document as a validator: any JSON value checked against a schema of the document by a JSON
 * Schema 2020-12 validator (networknt, with the OpenAPI 3.1 dialect: 2020-12 plus OpenAPI's own annotation
 * keywords), formats ({@code date}, {@code date-time}) asserted, every {@code $ref} resolved inside the document.
 */
public final class ApiContract {
  /** Where the document is registered for the validator; never fetched: the registry holds its text. */
  static final String DOCUMENT = "https://transcript-search.invalid/openapi.json";

  private final JsonNode document;
  private final SchemaRegistry registry;

  static {
    // The document is registered whole, so the validator sees its top-level keys (openapi, info, paths...) as
    // unknown schema keywords and warns once for each; only its schemas are ever validated against.
    System.setProperty("org.slf4j.simpleLogger.log.com.networknt.schema.keyword.UnknownKeywordFactory", "error");
  }

  private ApiContract(String text) throws IOException {
    this.document = Json.mapper().readTree(text);
    this.registry =
        SchemaRegistry.withDefaultDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(DOCUMENT, text))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** The document the server serves, read from its resource. */
  public static ApiContract served() {
    try (InputStream in = ApiApp.class.getResourceAsStream("openapi.json")) {
      return new ApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document as JSON. */
  JsonNode document() {
    return document;
  }

  /** The errors of {@code value} against the schema at {@code pointer} (a JSON pointer into the document). */
  List<String> errors(String pointer, JsonNode value) {
    Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(value)) {
      out.add(e.getInstanceLocation() + ": " + e.getMessage());
    }
    return out;
  }

  /**
   * The JSON pointer of the schema of the answer {@code status} of {@code method path} in {@code mediaType}, when
   * the document declares that answer; a shared answer ({@code $ref} to {@code components/responses}) is followed.
   */
  Optional<String> responseSchema(String method, String path, int status, String mediaType) {
    String operation = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    if (document.at(operation).isMissingNode()) {
      return Optional.empty();
    }
    String response = operation + "/responses/" + status;
    JsonNode node = document.at(response);
    if (node.isMissingNode()) {
      return Optional.empty();
    }
    if (node.has("$ref")) {
      response = node.get("$ref").asText().substring(1);
      node = document.at(response);
    }
    String content = response + "/content/" + escape(mediaType);
    if (document.at(content).isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(content + "/schema");
  }

  /**
   * What is wrong with the headers {@code sent} (by name, case-insensitive; the first value of each) with answer
   * {@code status} of {@code method path}: a header the document declares required that is missing, and a declared
   * header whose value does not match its schema.
   */
  List<String> headerErrors(String method, String path, int status, HttpHeaders sent) {
    String response = followed("/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/"
        + status);
    List<String> out = new ArrayList<>();
    document.at(response).path("headers").properties().forEach(h -> {
      String header = followed(response + "/headers/" + escape(h.getKey()));
      Optional<String> value = sent.firstValue(h.getKey());
      if (value.isEmpty()) {
        if (document.at(header).path("required").asBoolean(false)) {
          out.add("the header " + h.getKey() + " that the document declares is missing");
        }
        return;
      }
      JsonNode schema = document.at(header + "/schema");
      JsonNode typed = switch (schema.path("type").asText()) {
        case "integer" -> value.get().matches("-?\\d+") ? Json.mapper().getNodeFactory().numberNode(Long.parseLong(
            value.get())) : Json.mapper().getNodeFactory().textNode(value.get());
        case "boolean" -> value.get().matches("true|false")
            ? Json.mapper().getNodeFactory().booleanNode(Boolean.parseBoolean(value.get()))
            : Json.mapper().getNodeFactory().textNode(value.get());
        default -> Json.mapper().getNodeFactory().textNode(value.get());
      };
      errors(header + "/schema", typed).forEach(e -> out.add(h.getKey() + ": " + value.get() + ": " + e));
    });
    return out;
  }

  /** The pointer {@code pointer} names, or the one its {@code $ref} names. */
  private String followed(String pointer) {
    JsonNode node = document.at(pointer);
    return node.has("$ref") ? node.get("$ref").asText().substring(1) : pointer;
  }

  /** Whether the document declares answer {@code status} of {@code method path} (any media type, or none). */
  boolean declares(String method, String path, int status) {
    String operation = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT);
    return !document.at(operation + "/responses/" + status).isMissingNode();
  }

  /**
   * What is wrong with {@code response} by the document: its path or status not declared for its method, a header
   * missing or of the wrong shape, a media type not declared, a JSON body (each line of JSON lines) not valid
   * against the declared schema (a field it does not declare included), a body to a HEAD or a 204. Empty when the
   * answer is one the document declares.
   */
  public List<String> answerErrors(HttpResponse<String> response) {
    String method = response.request().method().toLowerCase(Locale.ROOT);
    URI uri = response.uri();
    String call = method.toUpperCase(Locale.ROOT) + " " + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " -> " + response.statusCode() + ": ";
    Optional<String> path = template(uri.getRawPath());
    int status = response.statusCode();
    if (path.isEmpty() || !declares(method, path.get(), status)) {
      return List.of(call + "not an answer the document declares for " + method + " " + path.orElse("(no path)"));
    }
    List<String> out = new ArrayList<>();
    headerErrors(method, path.get(), status, response.headers()).forEach(e -> out.add(call + e));
    if (status == 204 || method.equals("head")) {
      if (!response.body().isEmpty()) {
        out.add(call + "a body the document does not declare");
      }
      return out;
    }
    String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    Optional<String> schema = responseSchema(method, path.get(), status, type);
    if (schema.isEmpty()) {
      out.add(call + "the media type '" + type + "', which the document does not declare");
      return out;
    }
    List<String> bodies = switch (type) {
      case "application/json" -> List.of(response.body());
      case "application/x-ndjson" -> response.body().lines().toList();
      default -> List.of(); // text: the page, the widget, CSV, Atom
    };
    for (String body : bodies) {
      try {
        errors(schema.get(), Json.mapper().readTree(body)).forEach(e -> out.add(call + e));
      } catch (IOException e) {
        out.add(call + "a body that is not JSON: " + e.getMessage());
      }
    }
    return out;
  }

  /** The path of the document a request's raw path falls under ({@code /api/episodes/x} under {@code /api/episodes/{id}}). */
  Optional<String> template(String rawPath) {
    List<String> paths = new ArrayList<>();
    document.path("paths").properties().forEach(p -> paths.add(p.getKey()));
    return paths.stream()
        .filter(p -> rawPath.matches(Pattern.quote(p).replaceAll("\\{[^}]+\\}", "\\\\E[^/]+\\\\Q")))
        .findFirst();
  }

  /** A JSON pointer token: {@code ~} and {@code /} escaped. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

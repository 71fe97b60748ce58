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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.transcriptsearch.model.Json;

/**
 * The API's OpenAPI document as a validator: any JSON value checked against a schema of the document by a JSON
 * Schema 2020-12 validator (networknt, with the OpenAPI 3.1 dialect: 2020-12 plus OpenAPI's own annotation
 * keywords), formats ({@code date}, {@code date-time}) asserted, every {@code $ref} resolved inside the document.
 */
final class ApiContract {
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
  static ApiContract served() {
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
  List<String> headerErrors(String method, String path, int status, java.net.http.HttpHeaders sent) {
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

  /** A JSON pointer token: {@code ~} and {@code /} escaped. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}

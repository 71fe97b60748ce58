package org.transcriptsearch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.speakers.SpeakerLabel;

/**
 * The host names of the Interview corpus's {@code utterances-2sp.csv}, which gives each turn a {@code host_id}
 * and no name. Read from either shape the corpus ships: {@code host_id.json}, a lower-case name -> id map
 * ({@code {"lulu garcia-navarro": 0, ...}}), or {@code host-map.json}, an id -> {name, episodes, programs} map
 * ({@code {"0": {"name": "Lulu Garcia-Navarro", ...}}}). Names are given in proper case.
 */
final class InterviewHosts {
  /** The file names a host map goes by: host_id.json, host-map.json, host_map.json, hosts.json... */
  private static final Pattern FILE_NAME = Pattern.compile("hosts?(?:[-_ ]?(?:id|ids|map|names))?\\.json");

  private final Map<Integer, String> names;

  private InterviewHosts(Map<Integer, String> names) {
    this.names = Map.copyOf(names);
  }

  /** No host map: every host is unnamed. */
  static InterviewHosts none() {
    return new InterviewHosts(Map.of());
  }

  /** Whether {@code file} is named as a host map is. */
  static boolean isHostMap(Path file) {
    return FILE_NAME.matcher(file.getFileName().toString().toLowerCase(Locale.ROOT)).matches();
  }

  /**
   * The host map in {@code file}.
   *
   * @throws BadInputException when it is not JSON or in neither shape, naming the entry at fault
   */
  static InterviewHosts read(Path file) throws IOException, BadInputException {
    JsonNode root;
    try (BufferedReader in = Inputs.open(file)) {
      root = Json.mapper().readTree(in);
    } catch (JsonProcessingException e) {
      throw new BadInputException(file.toString(), null, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException(file.toString(), null, "not a host map: expected a JSON object");
    }
    Map<Integer, String> names = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      put(file, entry.getKey(), entry.getValue(), names);
    }
    return new InterviewHosts(names);
  }

  private static void put(Path file, String key, JsonNode value, Map<Integer, String> names)
      throws BadInputException {
    if (value.isIntegralNumber()) {
      names.put(value.asInt(), key); // host_id.json: name -> id
      return;
    }
    JsonNode name = value.get("name");
    Integer id = key.strip().matches("-?\\d{1,9}") ? Integer.valueOf(key.strip()) : null;
    if (value.isObject() && name != null && name.isTextual() && id != null) {
      names.put(id, name.asText()); // host-map.json: id -> {name, episodes, programs}
      return;
    }
    throw new BadInputException(
        file.toString(), "entry '" + key + "'",
        "not a host map: expected name -> id (host_id.json) or id -> {\"name\": ...} (host-map.json)");
  }

  /** The name of host {@code id} in proper case ("Lulu Garcia-Navarro"), if the map has it. */
  Optional<String> name(int id) {
    String printed = names.get(id);
    if (printed == null || printed.isBlank()) {
      return Optional.empty();
    }
    SpeakerLabel label = SpeakerLabel.parse(printed.toUpperCase(Locale.ROOT));
    return Optional.of(label == null ? printed.strip() : label.name());
  }

  /** How many hosts the map names. */
  int size() {
    return names.size();
  }
}

package org.transcriptsearch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.transcriptsearch.text.Utf16;

/**
 * The warnings of a JSON record whose strings hold half of a surrogate pair ({@code "\ud83d"} escaped alone, a
 * character cut in two): such text is read with U+FFFD in its place ({@code text/Utf16.java}), and the reader
 * says where. Only an escape can carry one: UTF-8 bytes cannot.
 */
final class LoneSurrogates {
  /** An escaped surrogate, the only way into a JSON text; most records have none and are not walked. */
  private static final Pattern ESCAPED = Pattern.compile("\\\\u[dD][89a-fA-F]");

  private LoneSurrogates() {}

  /** Whether the JSON text {@code json} may hold one (an escaped surrogate, paired or not). */
  static boolean mayHold(CharSequence json) {
    return ESCAPED.matcher(json).find();
  }

  /** A warning for each string of {@code node} that holds one, naming its field ("turns[0].text"). */
  static List<String> warnings(JsonNode node) {
    List<String> out = new ArrayList<>();
    walk(node, "", out);
    return out;
  }

  private static void walk(JsonNode node, String path, List<String> out) {
    if (node.isTextual()) {
      if (!Utf16.isWellFormed(node.textValue())) {
        out.add("field " + path + ": half of a surrogate pair (a character cut in two) is not text; read as U+FFFD");
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", out);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        walk(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), out);
      }
    }
  }
}

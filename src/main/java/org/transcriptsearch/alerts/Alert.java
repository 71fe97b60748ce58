package org.transcriptsearch.alerts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.transcriptsearch.search.SearchRequest;

/**
 * A saved search: every new transcript is matched against it, and its matches are delivered as a feed (and to a
 * webhook, when it has one).
 *
 * @param id the alert's id, in its address
 * @param name what the user called it
 * @param q the query, in the search box's language; blank for "everything that passes the filters"
 * @param speaker speaker filters, as {@code /api/search} takes them
 * @param program program filters
 * @param topic topic filters
 * @param role role filters
 * @param from earliest air date, or null
 * @param to latest air date, or null
 * @param webhook where matches are posted as JSON, or null; only hosts on the server's allowlist
 * @param feedToken the secret that opens the alert's feed when reads need a key (feed readers cannot send headers)
 * @param created when it was saved
 */
public record Alert(
    String id,
    String name,
    String q,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> speaker,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> program,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> topic,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> role,
    LocalDate from,
    LocalDate to,
    String webhook,
    String feedToken,
    Instant created) {

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    q = q == null ? "" : q;
    speaker = clean(speaker);
    program = clean(program);
    topic = clean(topic);
    role = clean(role);
  }

  /** A filter's values without nulls and blanks, as the search reads them. */
  private static List<String> clean(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** What an alert searches for: alerts saved with the same one share one search of each batch. */
  record Search(String q, List<String> speaker, List<String> program, List<String> topic, List<String> role,
      LocalDate from, LocalDate to) {}

  /** What this alert searches for. */
  Search searchKey() {
    return new Search(q, speaker, program, topic, role, from, to);
  }

  /** The search this alert runs over new transcripts: newest first, {@code size} hits a page. */
  SearchRequest search(int size, String cursor) {
    return SearchRequest.builder()
        .query(q)
        .speakers(speaker)
        .programs(program)
        .topics(topic)
        .roles(role)
        .from(from)
        .to(to)
        .sort(SearchRequest.SortOrder.DATE)
        .size(size)
        .cursor(cursor)
        .passages(1)
        .build();
  }
}

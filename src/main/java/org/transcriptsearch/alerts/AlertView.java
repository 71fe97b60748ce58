package org.transcriptsearch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An alert as the API shows it: what was saved, its feed's address, what it has matched, and why it cannot run if
 * it cannot (a query that the search no longer reads, after an upgrade).
 *
 * @param feed the feed's path on this server, with the alert's feed token (needed when reads need a key)
 * @param matches utterances matched so far
 * @param lastMatch when the latest match was made, or null
 * @param problem why the alert does not match anything now, or null
 * @param latest the latest matches, newest first
 */
public record AlertView(
    String id,
    String name,
    String q,
    List<String> speaker,
    List<String> program,
    List<String> topic,
    List<String> role,
    LocalDate from,
    LocalDate to,
    String webhook,
    Instant created,
    String feed,
    long matches,
    Instant lastMatch,
    String problem,
    List<FeedEntry> latest) {}

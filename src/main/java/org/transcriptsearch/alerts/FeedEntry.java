package org.transcriptsearch.alerts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One utterance that matched an alert, as its feed shows it.
 *
 * @param utteranceId the utterance's id (an entry per utterance: a transcript indexed again replaces its entries)
 * @param episodeId the transcript's id
 * @param turn the utterance's turn number
 * @param title the transcript's title
 * @param program its program, or null
 * @param date its air date, or null
 * @param url the transcript's address on its site, or null
 * @param speaker who said it
 * @param role the speaker's role
 * @param quote the matching passage, HTML-escaped with {@code <mark>} around the matches
 * @param matched when it was matched
 */
public record FeedEntry(
    String utteranceId,
    String episodeId,
    int turn,
    String title,
    String program,
    LocalDate date,
    String url,
    String speaker,
    String role,
    String quote,
    Instant matched) {}

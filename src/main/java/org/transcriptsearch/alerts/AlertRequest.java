package org.transcriptsearch.alerts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.List;

/**
 * What a client sends to save an alert: a name, the search ({@code q} and the filters {@code /api/search} takes)
 * and, optionally, a webhook.
 */
public record AlertRequest(
    String name,
    String q,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> speaker,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> program,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> topic,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> role,
    LocalDate from,
    LocalDate to,
    String webhook) {}

package org.transcriptsearch.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.search.Results.CacheStats;
import org.transcriptsearch.search.Results.Health;
import org.transcriptsearch.watch.FolderWatcher;

/**
 * {@code /api/health}: the index's state, and when the server has them, how alert matching and the watched folder
 * are doing and how often the results cache of the embedded index answered.
 */
record ServerHealth(
    @JsonUnwrapped Health index,
    @JsonInclude(JsonInclude.Include.NON_NULL) AlertService.Status alerts,
    @JsonInclude(JsonInclude.Include.NON_NULL) FolderWatcher.Status watch,
    @JsonInclude(JsonInclude.Include.NON_NULL) CacheStats resultsCache) {
  /** The health of a server without a results cache of its own. */
  ServerHealth(Health index, AlertService.Status alerts, FolderWatcher.Status watch) {
    this(index, alerts, watch, null);
  }
}

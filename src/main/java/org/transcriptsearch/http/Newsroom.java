package org.transcriptsearch.http;

import org.transcriptsearch.alerts.AlertService;
import org.transcriptsearch.watch.FolderWatcher;

/**
 * The live parts of a server that writes: saved searches and alerts, and the watched folder.
 *
 * @param alerts the alerts, or null for a server that keeps none
 * @param watch the watched folder, or null
 */
public record Newsroom(AlertService alerts, FolderWatcher watch) {
  /** Neither alerts nor a watched folder. */
  public static final Newsroom NONE = new Newsroom(null, null);
}

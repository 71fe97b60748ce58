/**
 * The research desk over the index: checking a quote against what was said ({@link
 * org.transcriptsearch.research.QuoteChecker}), a search counted by air date ({@link
 * org.transcriptsearch.research.Timelines}), one person's record ({@link org.transcriptsearch.research.People}),
 * and every hit of a search exported with citations ({@link org.transcriptsearch.research.SearchExport}). Each
 * starts from the search's own query and filters, so it agrees with what a search lists.
 */
package org.transcriptsearch.research;

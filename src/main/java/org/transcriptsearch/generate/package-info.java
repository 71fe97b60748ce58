/**
 * Synthetic corpora of realistic shape, for scale tests and benchmarks: {@link
 * org.transcriptsearch.generate.CorpusGenerator} draws NPR-like transcripts (real programs and hosts by era, real
 * correspondents and titled newsmakers, invented guests and callers, Zipf-distributed speech mentioning the topic
 * taxonomy at realistic rates), and the {@link org.transcriptsearch.generate.CorpusWriter}s print them as NPR pages
 * ({@link org.transcriptsearch.generate.PageWriter}), canonical JSON lines ({@link
 * org.transcriptsearch.generate.JsonlWriter}) or a MediaSum array ({@link
 * org.transcriptsearch.generate.MediaSumWriter}). Generated transcripts are the ground truth of their pages: the
 * page parser reads each page back to exactly its transcript's turns.
 */
package org.transcriptsearch.generate;

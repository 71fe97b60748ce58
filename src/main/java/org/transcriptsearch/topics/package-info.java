/**
 * Topic tagging: which countries, territories, regions, conflicts, groups and issues a text, an utterance or a
 * transcript is about.
 *
 * <p>{@link org.transcriptsearch.topics.TopicTaxonomy} holds the topics and their aliases (the bundled
 * {@code topics.tsv}, extendable by user files in the same format); {@link org.transcriptsearch.topics.TopicTagger}
 * finds them in text and works out a transcript's main topics and each utterance's topics. The other classes are
 * internal.
 */
package org.transcriptsearch.topics;

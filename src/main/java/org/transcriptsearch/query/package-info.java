/**
 * What a person typed in the search box, read into a small query model and rendered for a search engine.
 *
 * <p>{@link org.transcriptsearch.query.TypedQuery} reads the text (Lucene's classic syntax and what people
 * actually type: typographic quotes, operators in any case, pure negatives, "9/11", field and value aliases, years
 * and months as dates) into {@link org.transcriptsearch.query.QueryNode}s, plain records with no search-engine type
 * in them. {@link org.transcriptsearch.query.QueryReader} then reads it as a question: stop words and question words
 * dropped, a speaker the question names, spelling variants and demonyms. Only
 * {@link org.transcriptsearch.query.LuceneQueries} knows Lucene; another engine gets another renderer of the same
 * model.
 */
package org.transcriptsearch.query;

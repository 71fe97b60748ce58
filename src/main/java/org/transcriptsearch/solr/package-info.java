/**
 * SolrCloud as a store of the product: the configset generated from {@link org.transcriptsearch.index.Schema}
 * ({@link org.transcriptsearch.solr.SolrConfigset}) and the setup of a collection from it ({@link
 * org.transcriptsearch.solr.SolrSetup}), over SolrJ's JDK-based HTTP client. Searching and writing through Solr come
 * with the search backend interface.
 */
package org.transcriptsearch.solr;

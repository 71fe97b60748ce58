package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.util.NamedList;
import org.junit.jupiter.api.Test;

/**
 * How an answer is read as partial: Solr's response header flag, as Solr 9 sends it (a boolean) and as a text
 * response writer would (a string). A shard lost on a real cluster: ShardLostApiTest and SolrCloudFaultTest.
 */
class SolrCallsTest {
  @Test
  void anAnswerWithSolrsPartialResultsFlagIsPartial() {
    assertThat(SolrCalls.partial(answer(true))).isTrue();
    assertThat(SolrCalls.partial(answer("true"))).isTrue();
  }

  @Test
  void anAnswerWithoutTheFlagOrWithItFalseIsWhole() {
    assertThat(SolrCalls.partial(answer(null))).isFalse();
    assertThat(SolrCalls.partial(answer(false))).isFalse();
    assertThat(SolrCalls.partial(new QueryResponse(new NamedList<>()))).isFalse();
  }

  private static QueryResponse answer(Object partialResults) {
    NamedList<Object> header = new NamedList<>();
    header.add("status", 0);
    if (partialResults != null) {
      header.add("partialResults", partialResults);
    }
    NamedList<Object> response = new NamedList<>();
    response.add("responseHeader", header);
    return new QueryResponse(response);
  }
}

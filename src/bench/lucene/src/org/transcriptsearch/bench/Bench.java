package org.transcriptsearch.bench;

import java.util.Arrays;

/**
 * The benchmark's harness, one JVM per step (run.sh runs the steps one after another, never concurrently).
 * Compiled against the product jar; Solr runs in its own JVM from src/bench/solr.
 *
 * <pre>
 * solr-docs     JSONL OUT                 enrich with the product's pipeline, write one Solr document per line
 * lucene-ingest JSONL INDEX THREADS RESULT raw Lucene: prebuild documents, time only addDocuments + commit
 * solr-feed     URL DOCS THREADS RESULT   post the Solr documents in batches of 1,000 and commit
 * mix           INDEX OUT                 the fixed query mix, with filter values taken from the index
 * realistic-mix INDEX OUT SEED            the realistic mix: thousands of distinct queries from the corpus, Zipf-skewed
 * wait          URL START_MILLIS RESULT   poll URL until it answers 200; record the time from START
 * load          SYSTEM TARGET MIX REALISTIC OUT  agreement answers, latency, throughput, cache hits, CPU at 1 and 8
 * report        DIR MARKDOWN              the results table and the RESULT line
 * cpu           INDEX MIX ROUNDS WARM     CPU time per search in process, per kind, results cache off (not in run.sh)
 * sample-error  INDEX MIX N               the error of our estimates against our own exact counts, in process (not in run.sh)
 * visits        INDEX QUERY...            hits a first page's top-hits pass scores, with the length prior and without (not in run.sh)
 * signatures    JSONL N ROUNDS            speech signatures of N transcripts, direct and through Lucene's filters (not in run.sh)
 * </pre>
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: Bench STEP ARGS... (see the class comment)");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "solr-docs" -> SolrDocs.main(rest);
      case "lucene-ingest" -> LuceneIngest.main(rest);
      case "solr-feed" -> SolrFeed.main(rest);
      case "mix" -> QueryMix.main(rest);
      case "realistic-mix" -> RealisticMix.main(rest);
      case "wait" -> Ready.main(rest);
      case "load" -> Load.main(rest);
      case "report" -> Report.main(rest);
      case "cpu" -> Cpu.main(rest);
      case "sample-error" -> SampleError.main(rest);
      case "visits" -> Visits.main(rest);
      case "signatures" -> Signatures.main(rest);
      default -> throw new IllegalArgumentException("unknown step " + args[0]);
    }
    System.exit(0); // HTTP client threads are not daemons
  }
}

package org.transcriptsearch.solr;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SolrCloud of two nodes for every test class of a run that asks for it: a class adds
 * {@code @ExtendWith(SharedSolrCloud.class)} and takes a {@link LocalSolrCloud} parameter in its
 * {@code @BeforeAll}. The cluster starts on the first request (about 20 s on this machine, so once rather than per
 * class) and stops when the run ends. Classes keep to collections of their own names; a class that stops a node
 * starts it again before it ends.
 */
public final class SharedSolrCloud implements ParameterResolver {
  private static final String KEY = "local-solrcloud";
  static final int NODES = 2;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalSolrCloud.class;
  }

  @Override
  public LocalSolrCloud resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store lives for the whole run and closes what it holds (LocalSolrCloud is AutoCloseable) at its end.
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(KEY, key -> start(), LocalSolrCloud.class);
  }

  private static LocalSolrCloud start() {
    try {
      LocalSolrCloud cluster = LocalSolrCloud.start(Path.of("target", "solrcloud-test", "cluster"), NODES);
      System.out.println("local SolrCloud of " + NODES + " nodes started in " + cluster.startMillis() + " ms at "
          + cluster.url());
      return cluster;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the local SolrCloud", e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

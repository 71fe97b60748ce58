package org.transcriptsearch.search;

/** Opens the facet labels' folding to tests of other packages. */
public final class FacetLabelsFolding {
  private FacetLabelsFolding() {}

  public static String fold(String s) {
    return FacetLabels.fold(s);
  }
}

package org.transcriptsearch.index;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * One field of the index as every store must keep it: how it is matched, whether it is stored, has doc values or
 * holds several values, and which facet dimension counts its exact values. {@link Schema#FIELDS} lists them all;
 * the SolrCloud configset is generated from that list and the analyzers of {@link Schema}, and a test checks the
 * list against what the embedded index really writes.
 *
 * @param name the field name, one of {@link Schema}'s constants
 * @param matching how a query finds the field's values
 * @param traits what else is kept of the field
 * @param facetDimension the facet dimension that counts the field's exact (unanalysed) values, or null
 */
public record SchemaField(String name, Matching matching, Set<Trait> traits, String facetDimension) {
  /** How a query finds a field's values. */
  public enum Matching {
    /** Not searchable: stored or doc values only. */
    NONE,
    /** One exact token, as given. */
    EXACT,
    /** An int point, for exact values and ranges. */
    INT,
    /** A long point, for exact values and ranges. */
    LONG,
    /** One case- and accent-insensitive keyword: documents only, no frequencies, positions or norms. */
    KEYWORD,
    /** Analysed text with positions (phrases) and norms. */
    TEXT,
    /** Analysed text whose postings also hold offsets, so the highlighter needs no re-analysis. */
    TEXT_WITH_OFFSETS;

    /** Whether the field is analysed, by the analyzer {@link Schema#analysisOf} names. */
    public boolean analysed() {
      return this == KEYWORD || this == TEXT || this == TEXT_WITH_OFFSETS;
    }
  }

  /** What is kept of a field besides its matching. */
  public enum Trait {
    /** The value is stored and read back with a hit. */
    STORED,
    /** Column-stride values for sorting or grouping. */
    DOC_VALUES,
    /** A document may hold several values. */
    MULTI_VALUED
  }

  public SchemaField {
    if (name == null || name.isBlank() || matching == null) {
      throw new IllegalArgumentException("a schema field needs a name and a matching: " + name);
    }
    traits = traits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(traits));
  }

  /** A field of this name and matching with these traits and no facet dimension. */
  public static SchemaField of(String name, Matching matching, Trait... traits) {
    Set<Trait> set = EnumSet.noneOf(Trait.class);
    set.addAll(Arrays.asList(traits));
    return new SchemaField(name, matching, set, null);
  }

  /** The same field with its exact values counted under the facet dimension {@code dimension}. */
  public SchemaField countedAs(String dimension) {
    return new SchemaField(name, matching, traits, dimension);
  }

  /** Whether the value is stored. */
  public boolean stored() {
    return traits.contains(Trait.STORED);
  }

  /** Whether the field has doc values of its own (facet values live in the facets' own field). */
  public boolean docValues() {
    return traits.contains(Trait.DOC_VALUES);
  }

  /** Whether a document may hold several values. */
  public boolean multiValued() {
    return traits.contains(Trait.MULTI_VALUED);
  }
}

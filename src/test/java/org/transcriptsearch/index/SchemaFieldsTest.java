package org.transcriptsearch.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * {@link Schema#FIELDS}, from which other stores are configured, against what the embedded index really writes: a
 * transcript with every field filled is indexed on disk and each field's postings, points, doc values and stored
 * values are read back.
 */
class SchemaFieldsTest {
  @TempDir Path dir;

  /** Every field-name constant of Schema, read by reflection so a new field cannot be left out of the list. */
  static Set<String> fieldNameConstants() {
    return Arrays.stream(Schema.class.getDeclaredFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .filter(f -> !f.getName().equals("VERSION") && !f.getName().equals("VERSION_KEY"))
        .filter(f -> !f.getName().startsWith("FACET_"))
        .map(SchemaFieldsTest::value)
        .collect(Collectors.toSet());
  }

  @Test
  void listsEveryFieldOfTheSchemaOnce() {
    List<String> listed = Schema.FIELDS.stream().map(SchemaField::name).toList();
    assertThat(listed).doesNotHaveDuplicates();
    assertThat(Set.copyOf(listed)).isEqualTo(fieldNameConstants());
  }

  @Test
  void everyFacetDimensionIsCountedFromOneField() {
    assertThat(Schema.FIELDS.stream().map(SchemaField::facetDimension).filter(d -> d != null))
        .containsExactlyInAnyOrderElementsOf(Schema.FACET_DIMENSIONS);
  }

  @Test
  void matchingAndDocValuesAreThoseTheIndexWrites() throws Exception {
    try (TranscriptIndex index = TranscriptIndex.openWritable(dir, new Schema())) {
      index.put(everyFieldFilled(), List.of(List.of("ukraine", "diplomacy")));
      index.refresh();
      index.withSearcher(
          view -> {
            FieldInfos infos = FieldInfos.getMergedFieldInfos(view.searcher().getIndexReader());
            for (SchemaField field : Schema.FIELDS) {
              FieldInfo info = infos.fieldInfo(field.name());
              assertThat(info).as(field.name()).isNotNull();
              assertThat(info.getIndexOptions()).as(field.name()).isEqualTo(indexOptions(field.matching()));
              assertThat(info.getPointDimensionCount()).as(field.name()).isEqualTo(pointDimensions(field));
              assertThat(info.getDocValuesType() != DocValuesType.NONE).as(field.name()).isEqualTo(field.docValues());
              if (field.matching() != SchemaField.Matching.NONE) {
                boolean oneToken =
                    field.matching() == SchemaField.Matching.KEYWORD || field.matching() == SchemaField.Matching.EXACT;
                assertThat(info.omitsNorms()).as(field.name()).isEqualTo(oneToken);
              }
            }
            return null;
          });
    }
  }

  @Test
  void storedAndMultiValuedFieldsAreThoseTheIndexStores() throws Exception {
    try (TranscriptIndex index = TranscriptIndex.openWritable(dir, new Schema())) {
      index.put(everyFieldFilled(), List.of(List.of("ukraine", "diplomacy")));
      index.refresh();
      Document doc = index.withSearcher(view -> view.searcher().storedFields().document(0));
      for (SchemaField field : Schema.FIELDS) {
        int values = doc.getFields(field.name()).length;
        if (!field.stored()) {
          assertThat(values).as(field.name()).isZero();
        } else if (field.multiValued() && !field.name().equals(Schema.SPEAKER)) {
          assertThat(values).as(field.name()).isEqualTo(2);
        } else {
          // The speaker's other spellings are matched, not stored: its one stored value is the name as resolved.
          assertThat(values).as(field.name()).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void analysedFieldsNameTheirChain() {
    assertThat(Schema.analysisOf(Schema.TEXT)).isEqualTo(Schema.Analysis.ENGLISH);
    assertThat(Schema.analysisOf(Schema.TITLE)).isEqualTo(Schema.Analysis.ENGLISH);
    assertThat(Schema.analysisOf(Schema.SPEAKER)).isEqualTo(Schema.Analysis.NAME);
    assertThat(Schema.analysisOf(Schema.PROGRAM)).isEqualTo(Schema.Analysis.KEYWORD);
    assertThat(Schema.analysisOf(Schema.TOPIC)).isEqualTo(Schema.Analysis.KEYWORD);
    assertThat(Schema.analysisOf(Schema.ROLE)).isEqualTo(Schema.Analysis.KEYWORD);
  }

  private static IndexOptions indexOptions(SchemaField.Matching matching) {
    return switch (matching) {
      case NONE, INT, LONG -> IndexOptions.NONE;
      case EXACT, KEYWORD -> IndexOptions.DOCS;
      case TEXT -> IndexOptions.DOCS_AND_FREQS_AND_POSITIONS;
      case TEXT_WITH_OFFSETS -> IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS;
    };
  }

  private static int pointDimensions(SchemaField field) {
    return field.matching() == SchemaField.Matching.INT || field.matching() == SchemaField.Matching.LONG ? 1 : 0;
  }

  /** One transcript of one turn with every optional value present, and two values where several are allowed. */
  static Transcript everyFieldFilled() {
    Speaker speaker =
        new Speaker("Sergey Lavrov", "SERGEY LAVROV, FOREIGN MINISTER", Role.GUEST, "Foreign Minister", "Russia");
    Turn turn =
        new Turn(
            1, speaker, "We discussed Crimea at length.", Attribution.LABELLED, List.of("(LAUGHTER)", "(APPLAUSE)"));
    return new Transcript(
        "ep1", "Talks in Munich", "Morning Edition", LocalDate.of(2015, 2, 7), "https://www.npr.org/x", "npr.org",
        List.of("ukraine", "diplomacy"), List.of(turn));
  }

  private static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }
}

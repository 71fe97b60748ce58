package org.transcriptsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.cli.CommandRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.TestIndexes;
import org.transcriptsearch.index.TranscriptIndex;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.search.SearchService;

/** {@code parse} and {@code index} learn a page's address from --url or the files beside the page. */
class PageAddressCommandsTest {
  private static final Path PARIS = TestIndexes.SAMPLE_CORPUS.resolve("003_eb3c53ebfe28291d.txt");
  private static final String ADDRESS = "https://www.wkno.org/2014/03/05/kerry-and-russian-diplomat-talk-crimea";

  @TempDir Path dir;


  @Test
  void parseWithUrlPrintsTheAddressAndTheDateItCarries() throws Exception {
    CommandRun r = run("parse", "--url", ADDRESS, PARIS.toString());

    assertThat(r.status()).isZero();
    Transcript t = Json.mapper().readValue(r.out().strip(), Transcript.class);
    assertThat(t.url()).isEqualTo(ADDRESS);
    assertThat(t.date()).hasToString("2014-03-05");
    assertThat(r.out()).contains("\"date\":\"2014-03-05\",\"url\":\"" + ADDRESS + "\",\"source\":\"WKNO FM\"");
  }

  @Test
  void urlWithSeveralFilesOrNotAnAddressIsAUsageError() {
    CommandRun several = run("parse", "--url", ADDRESS, PARIS.toString(), PARIS.toString());
    CommandRun bad = run("parse", "--url", "wkno.org/story", PARIS.toString());

    assertThat(several.status()).isEqualTo(2);
    assertThat(several.err()).contains("--url: name exactly one page file with it");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("--url: 'wkno.org/story' is not a web address (expected http:// or https://)");
  }

  @Test
  void indexReadsSidecarsAndTheManifestWithTheirPagesNotAsPages() throws Exception {
    Path pages = Files.createDirectories(dir.resolve("pages"));
    Files.copy(PARIS, pages.resolve("paris.txt"));
    Files.copy(TestIndexes.SAMPLE_CORPUS.resolve("000_cd62846c5167d6ef.txt"), pages.resolve("munich.txt"));
    Files.writeString(pages.resolve("paris.txt.url"), ADDRESS + "\n", StandardCharsets.UTF_8);
    Files.writeString(
        pages.resolve("urls.tsv"), "munich.txt\thttps://www.wkar.org/2016/02/11/kerry-munich\n", StandardCharsets.UTF_8);
    Path index = dir.resolve("index");

    CommandRun r = run("index", "--index", index.toString(), pages.toString());

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("Indexed 2 transcripts (27 utterances) from 2 files into " + index)
        .contains("Ignored 2:")
        .contains(pages.resolve("paris.txt.url") + ": not read: it gives the addresses of the pages beside it")
        .contains(pages.resolve("urls.tsv") + ": not read: it gives the addresses of the pages beside it")
        .doesNotContain("Skipped");
    try (TranscriptIndex reopened = TranscriptIndex.openReadOnly(index, TestIndexes.PIPELINE.schema())) {
      SearchService search = new SearchService(reopened);
      assertThat(search.episode("31d3c47a04e0fcb9").url()).isEqualTo(ADDRESS);
    }
  }

  @Test
  void indexWithUrlForOneFile() throws Exception {
    Path index = dir.resolve("index");

    CommandRun r = run("index", "--index", index.toString(), "--url", ADDRESS, PARIS.toString());

    assertThat(r.status()).isZero();
    try (TranscriptIndex reopened = TranscriptIndex.openReadOnly(index, TestIndexes.PIPELINE.schema())) {
      assertThat(new SearchService(reopened).episode("31d3c47a04e0fcb9").date()).hasToString("2014-03-05");
    }
  }
}

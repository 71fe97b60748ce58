package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/** A saved page's address, from the user's files beside it, the page itself, or the command line. */
class PageAddressesTest {
  private static final String PAGE = "Bridge Talks\n\nAUDIE CORNISH, HOST: The bridge is open.\n\nCORNISH: Bye.\n";
  private static final String STATION = "https://www.kcur.org/2014/03/05/2801/bridge-talks";

  @TempDir Path dir;
  private final PageReader reader = new PageReader(Pages.PARSER);

  private Path page(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void sidecarBesideThePageGivesItsAddressAndTheAddressItsDate() throws Exception {
    Path file = page("bridge.txt", PAGE);
    page("bridge.txt.url", STATION + "\n");

    Transcript t = reader.read(file);

    assertThat(t.url()).isEqualTo(STATION);
    assertThat(t.date()).isEqualTo(LocalDate.of(2014, 3, 5));
  }

  @Test
  void sidecarNamedWithoutThePagesExtensionAndInWindowsShortcutForm() throws Exception {
    Path file = page("bridge.txt", PAGE);
    page("bridge.url", "[InternetShortcut]\r\nURL=" + STATION + "\r\nIconIndex=0\r\n");

    assertThat(reader.read(file).url()).isEqualTo(STATION);
  }

  @Test
  void manifestMapsFileNamesToAddressesAndTheSidecarWins() throws Exception {
    Path a = page("a.txt", PAGE);
    Path b = page("b.txt", PAGE.replace("open", "shut"));
    Path c = page("c.txt", PAGE.replace("open", "new"));
    page(PageAddresses.MANIFEST, "# page\taddress\na.txt\thttps://www.npr.org/2015/06/01/1/a\n\nb.txt   https://wamu.org/b\n");
    page("b.url", "https://wamu.org/2016/07/02/b-from-the-sidecar");

    assertThat(reader.read(a).url()).isEqualTo("https://www.npr.org/2015/06/01/1/a");
    assertThat(reader.read(a).date()).isEqualTo(LocalDate.of(2015, 6, 1));
    assertThat(reader.read(b).url()).isEqualTo("https://wamu.org/2016/07/02/b-from-the-sidecar");
    assertThat(reader.read(c).url()).isNull();
    assertThat(reader.read(c).date()).isNull();
  }

  @Test
  void aBadManifestLineRefusesThePageItNamesWithTheLine() throws Exception {
    Path a = page("a.txt", PAGE);
    Path b = page("b.txt", PAGE);
    page(PageAddresses.MANIFEST, "a.txt\tnpr.org/a\nb.txt\n");

    assertThatThrownBy(() -> reader.read(a))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir.resolve("urls.tsv") + ": line 1: 'npr.org/a' is not a web address (expected http:// or https://)");
    assertThatThrownBy(() -> reader.read(b))
        .hasMessage(dir.resolve("urls.tsv") + ": line 2: no address after the file name 'b.txt'");
  }

  @Test
  void aBadSidecarRefusesThePageWithTheSidecarsName() throws Exception {
    Path file = page("bridge.txt", PAGE);
    page("bridge.txt.url", "\n\nnot an address\n");

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(dir.resolve("bridge.txt.url") + ": line 3: 'not an address' is not a web address (expected http:// or https://)");
  }

  @Test
  void anAddressGivenForTheFileWinsOverTheSidecarAndTheCanonicalLink() throws Exception {
    Path file = page("story.html", Pages.fixture("page.html"));
    page("story.url", "https://example.org/2001/01/01/sidecar");

    Transcript sidecar = reader.read(file);
    Transcript given = reader.withAddress(file, STATION).read(file);

    assertThat(sidecar.url()).isEqualTo("https://example.org/2001/01/01/sidecar");
    assertThat(given.url()).isEqualTo(STATION);
    assertThat(given.date()).isEqualTo(LocalDate.of(2014, 3, 5));
    assertThat(reader.read(page("other.html", Pages.fixture("page.html"))).url())
        .isEqualTo("https://www.npr.org/2014/03/05/286476200/kerry-and-lavrov-meet");
  }

  @Test
  void anAddressLinePrintedInTheHeaderIsTheAddressNeverTheTitle() throws Exception {
    Transcript t = Pages.PARSER.parse("Bridge Talks\n" + STATION + "\n\n" + PAGE.substring(PAGE.indexOf("AUDIE")), "x");

    assertThat(t.title()).isEqualTo("Bridge Talks");
    assertThat(t.url()).isEqualTo(STATION);
    assertThat(t.date()).isEqualTo(LocalDate.of(2014, 3, 5));
  }

  @Test
  void sidecarsAndManifestsAreAddressFiles() {
    assertThat(PageReader.isAddressFile(Path.of("pages/a.txt.url"))).isTrue();
    assertThat(PageReader.isAddressFile(Path.of("pages/urls.tsv"))).isTrue();
    assertThat(PageReader.isAddressFile(Path.of("pages/a.txt"))).isFalse();
  }
}

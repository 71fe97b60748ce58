package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.reader.BadInputException;

/** Reading page files: encoding, HTML sniffing, errors named by the path as given. */
class PageReaderTest {
  private final PageReader reader = new PageReader(Pages.PARSER);

  @Test
  void sniffsHtmlWithoutAnHtmlExtension(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("story.txt");
    Files.writeString(file, Pages.fixture("page.html"), StandardCharsets.UTF_8);

    Transcript t = reader.read(file);

    assertThat(t.url()).isEqualTo("https://www.npr.org/2014/03/05/286476200/kerry-and-lavrov-meet");
    assertThat(t.turns()).hasSize(3);
  }

  @Test
  void iframeLineOfATextPageIsNotHtml() {
    assertThat(PageReader.isHtml(Path.of("a.txt"), Pages.fixture("npr-org.txt"))).isFalse();
    assertThat(PageReader.isHtml(Path.of("a.html"), "anything")).isTrue();
  }

  @Test
  void aPageInAnotherEncodingIsRefusedWithTheOffsetOfItsFirstBadByte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad-bytes.txt");
    byte[] head = "Title\n\nROBERT SIEGEL, HOST: Caf".getBytes(StandardCharsets.UTF_8);
    byte[] tail = " is open.\n\nSIEGEL: Yes.\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9; // Latin-1 é: not UTF-8
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Files.write(file, bytes);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": not UTF-8 text (an invalid byte sequence at offset " + head.length + ")");
  }

  @Test
  void replacementCharactersAlreadyInTheTextAreKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("damaged.txt");
    Files.writeString(file, "Title\n\nROBERT SIEGEL, HOST: Caf\uFFFD is open.\n\nSIEGEL: Yes.\n", StandardCharsets.UTF_8);

    Transcript t = reader.read(file);

    assertThat(t.turns().get(0).text()).isEqualTo("Caf\uFFFD is open.\n\nYes.");
  }

  @Test
  void errorNamesTheFileAsGiven(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("article.txt");
    Files.writeString(file, Pages.fixture("article.txt"), StandardCharsets.UTF_8);

    assertThatThrownBy(() -> reader.read(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": no transcript found in " + file)
        .extracting(e -> ((BadInputException) e).file())
        .isEqualTo(file.toString());
  }
}

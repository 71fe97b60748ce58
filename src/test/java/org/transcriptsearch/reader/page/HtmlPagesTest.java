package org.transcriptsearch.reader.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transcriptsearch.reader.page.Pages.speakers;

import org.junit.jupiter.api.Test;
import org.transcriptsearch.model.Transcript;

/** HTML pages become the same paragraphs and the same transcript as extracted text. */
class HtmlPagesTest {

  @Test
  void blocksBecomeParagraphsAndScriptsNavAndFootersGo() {
    HtmlPages.HtmlPage page = HtmlPages.read(Pages.fixture("page.html"));

    assertThat(page.title()).isEqualTo("Kerry And Lavrov Meet");
    assertThat(page.url()).isEqualTo("https://www.npr.org/2014/03/05/286476200/kerry-and-lavrov-meet");
    assertThat(page.text()).contains("MELISSA BLOCK, HOST:\n\nJohn Kerry met Sergei Lavrov today.\nThe talks ran late.");
    assertThat(page.text()).doesNotContain("not speech", "color: red", "Home", "Terms of use");
  }

  @Test
  void htmlPageParsesLikeItsText() throws Exception {
    Transcript t = new PageReader(Pages.PARSER).parseHtml(Pages.fixture("page.html"), "page.html");

    assertThat(t.title()).isEqualTo("Kerry And Lavrov Meet");
    assertThat(t.url()).isEqualTo("https://www.npr.org/2014/03/05/286476200/kerry-and-lavrov-meet");
    assertThat(speakers(t))
        .containsExactly(
            "Melissa Block|host|labelled", "Michele Kelemen|correspondent|labelled", "Melissa Block|host|labelled");
    assertThat(t.turns().get(0).text()).isEqualTo("John Kerry met Sergei Lavrov today.\n\nThe talks ran late.");
    assertThat(t.turns().get(2).cues()).containsExactly("(SOUNDBITE OF MUSIC)");
    assertThat(t.turns().get(2).text()).isEqualTo("Thank you, Michele.");
    assertThat(Pages.allText(t)).doesNotContain("Play Live Radio", "Transcript provided");
  }

  @Test
  void ogUrlWhenThereIsNoCanonicalLink() {
    HtmlPages.HtmlPage page =
        HtmlPages.read(
            "<html><head><meta property=\"og:url\" content=\"https://example.org/story\">"
                + "<meta property=\"og:title\" content=\"A Story\"></head><body><p>Hi</p></body></html>");

    assertThat(page.url()).isEqualTo("https://example.org/story");
    assertThat(page.title()).isEqualTo("A Story");
    assertThat(page.text()).isEqualTo("Hi");
  }
}

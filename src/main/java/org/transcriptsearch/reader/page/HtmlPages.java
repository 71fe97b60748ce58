package org.transcriptsearch.reader.page;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML page into the paragraph text {@link NprPageParser} reads: block elements become paragraphs
 * separated by blank lines, {@code <br>} a newline; scripts, styles, navigation, forms and footers are dropped.
 */
public final class HtmlPages {
  /**
   * An HTML page as text.
   *
   * @param text paragraphs separated by blank lines
   * @param title the page's main heading ({@code <h1>}), else its {@code og:title}, else null
   * @param url the canonical link or {@code og:url}, else null
   */
  public record HtmlPage(String text, String title, String url) {}

  private static final Set<String> BLOCKS =
      Set.of(
          "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "blockquote", "pre", "tr", "table", "figure", "figcaption", "dd", "dt", "dl", "header", "aside",
          "address", "hr");

  private HtmlPages() {}

  /** The text, title and address of {@code html}. */
  public static HtmlPage read(String html) {
    Document doc = Jsoup.parse(html);
    String url = attr(doc, "link[rel=canonical]", "href");
    if (url == null) {
      url = attr(doc, "meta[property=og:url]", "content");
    }
    Element h1 = doc.selectFirst("h1");
    String title = h1 != null && !h1.text().isBlank() ? h1.text().strip() : attr(doc, "meta[property=og:title]", "content");
    doc.select("script, style, noscript, nav, footer, form, iframe, svg, button, template").remove();
    return new HtmlPage(text(doc.body()), title, url);
  }

  private static String attr(Document doc, String css, String attribute) {
    Element e = doc.selectFirst(css);
    if (e == null || e.attr(attribute).isBlank()) {
      return null;
    }
    return e.absUrl(attribute).isEmpty() ? e.attr(attribute).strip() : e.absUrl(attribute);
  }

  private static String text(Element body) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              appendText(out, text.text());
            } else if (node instanceof Element e && e.nameIs("br")) {
              out.append('\n');
            } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              paragraphBreak(out);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
              paragraphBreak(out);
            }
          }
        },
        body);
    // Nested blocks leave runs of breaks; in HTML they carry no meaning, so one blank line separates paragraphs.
    return out.toString().replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static void appendText(StringBuilder out, String text) {
    String t = text.replaceAll("\\s+", " ");
    if (t.isBlank()) {
      if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
        out.append(' ');
      }
      return;
    }
    boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
    out.append(lineStart ? t.stripLeading() : t);
  }

  private static void paragraphBreak(StringBuilder out) {
    if (!out.isEmpty()) {
      out.append("\n\n");
    }
  }
}

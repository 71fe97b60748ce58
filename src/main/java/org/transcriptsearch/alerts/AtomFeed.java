package org.transcriptsearch.alerts;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An alert's feed as Atom 1.0 (RFC 4287), for feed readers and intranet portals: the feed's id, title, updated
 * and author; an entry per matching utterance, newest first, with its id (the utterance's permalink on this
 * server's page), title (who said it, where), updated (when it matched), a link to the permalink and to the
 * story's own page, and the quote with its matches marked.
 */
public final class AtomFeed {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private AtomFeed() {}

  /**
   * The feed of {@code alert}.
   *
   * @param base this server's address as the reader reached it, such as {@code http://127.0.0.1:7070}
   */
  public static String of(Alert alert, Feed feed, String base) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", base + "/api/alerts/" + alert.id() + "/feed.atom");
      text(xml, "title", "transcript-search alert: " + alert.name());
      text(xml, "subtitle", describe(alert));
      text(xml, "updated", time(feed.lastMatch() != null ? feed.lastMatch() : alert.created()));
      xml.writeStartElement("author");
      text(xml, "name", "transcript-search");
      xml.writeEndElement();
      link(xml, "self", base + "/api/alerts/" + alert.id() + "/feed.atom");
      link(xml, "alternate", base + "/?" + query(alert));
      for (FeedEntry entry : feed.entries()) {
        entry(xml, entry, base);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed of alert " + alert.id(), e);
    }
    return out.toString();
  }

  private static void entry(XMLStreamWriter xml, FeedEntry entry, String base) throws XMLStreamException {
    String permalink = permalink(entry, base);
    xml.writeStartElement("entry");
    text(xml, "id", permalink);
    text(xml, "title", entry.speaker() + " on " + (entry.program() == null ? "" : entry.program() + ": ")
        + entry.title());
    text(xml, "updated", time(entry.matched()));
    link(xml, "alternate", permalink);
    if (entry.url() != null) {
      link(xml, "related", entry.url());
    }
    xml.writeStartElement("author");
    text(xml, "name", entry.speaker());
    xml.writeEndElement();
    xml.writeStartElement("content");
    xml.writeAttribute("type", "html");
    xml.writeCharacters(xmlSafe(content(entry)));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /** The utterance on this server's page: the transcript, scrolled to the turn. */
  static String permalink(FeedEntry entry, String base) {
    return base + "/?episode=" + URLEncoder.encode(entry.episodeId(), StandardCharsets.UTF_8) + "&turn=" + entry.turn();
  }

  /** The entry's HTML: who, where and when, then the quote (already escaped, with its matches marked). */
  private static String content(FeedEntry entry) {
    StringBuilder html = new StringBuilder("<p><strong>").append(escape(entry.speaker())).append("</strong>");
    if (entry.role() != null) {
      html.append(" (").append(escape(entry.role())).append(')');
    }
    if (entry.program() != null) {
      html.append(", ").append(escape(entry.program()));
    }
    if (entry.date() != null) {
      html.append(", ").append(entry.date());
    }
    html.append(": ").append(escape(entry.title())).append("</p><blockquote>").append(entry.quote())
        .append("</blockquote>");
    return html.toString();
  }

  private static String describe(Alert alert) {
    StringBuilder text = new StringBuilder(alert.q().isBlank() ? "everything" : alert.q());
    alert.speaker().forEach(s -> text.append(", said by ").append(s));
    alert.program().forEach(p -> text.append(", on ").append(p));
    alert.topic().forEach(t -> text.append(", about ").append(t));
    alert.role().forEach(r -> text.append(", role ").append(r));
    if (alert.from() != null) {
      text.append(", from ").append(alert.from());
    }
    if (alert.to() != null) {
      text.append(", to ").append(alert.to());
    }
    return text.toString();
  }

  /** The page's address of the alert's search. */
  private static String query(Alert alert) {
    StringBuilder q = new StringBuilder("q=").append(URLEncoder.encode(alert.q(), StandardCharsets.UTF_8));
    alert.speaker().forEach(v -> q.append("&speaker=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    alert.program().forEach(v -> q.append("&program=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    alert.topic().forEach(v -> q.append("&topic=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    alert.role().forEach(v -> q.append("&role=").append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    q.append("&sort=date");
    return q.toString();
  }

  private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(value == null ? "" : xmlSafe(value));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** XML 1.0 has no way to write most control characters, even escaped: they become U+FFFD. */
  static String xmlSafe(String text) {
    return INVALID_XML.matcher(text).replaceAll("\uFFFD");
  }

  /** Characters XML 1.0 cannot hold; Java's regex reads code points, so only lone surrogates match the range. */
  private static final java.util.regex.Pattern INVALID_XML =
      java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF\\uD800-\\uDFFF]");

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

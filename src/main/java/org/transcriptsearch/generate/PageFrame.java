package org.transcriptsearch.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.transcriptsearch.generate.Stations.Station;
import org.transcriptsearch.model.Transcript;

/**
 * The boilerplate around a page's speech, in the variations real pages show: station blocks with player lines,
 * "We Get Support From" and byline blocks, "Originally published on", npr.org's player bullets and teaser, a bare
 * title; and footers with the rush-deadline disclaimer, tags, reporter bios, copyright lines and donation pleas.
 * Stateless.
 */
final class PageFrame {
  /** The sentence NPR glues to the end of the last spoken paragraph on station pages. */
  static final String CREDIT = " Transcript provided by NPR, Copyright NPR.";

  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
  private static final String CRAWL_YEAR = "2024";
  private static final String DISCLAIMER = "NPR transcripts are created on a rush deadline by Verb8tm, Inc., an NPR "
      + "contractor, and produced using a proprietary transcription process developed with NPR. This text may not be "
      + "in its final form and may be updated or revised in the future. Accuracy and availability may vary. The "
      + "authoritative record of NPR's programming is the audio record.";
  private static final String DONATION = "Journalism at this station is made possible by donors who value local "
      + "reporting. Donate today to keep stories like this one coming. It is thanks to your generosity that we can "
      + "keep this content free and accessible for everyone. Thanks!";

  /** How the page around the speech looks. */
  enum Layout { STATION, STATION_THREE_ZEROS, STATION_PUBLISHED, SUPPORT_BYLINE, NPR_ORG, BARE_TITLE }

  private PageFrame() {}

  /** A layout fitting the transcript's source: station pages for stations, npr.org's own, or a bare title. */
  static Layout layout(SplittableRandom rng, Transcript t, String correspondent) {
    if (t.source() == null) {
      return Layout.BARE_TITLE;
    }
    if (Stations.NPR_ORG.equals(t.source())) {
      return Layout.NPR_ORG;
    }
    double x = rng.nextDouble();
    if (x < 0.6) {
      return Layout.STATION;
    }
    if (x < 0.75) {
      return Layout.STATION_THREE_ZEROS;
    }
    return x < 0.9 || correspondent == null ? Layout.STATION_PUBLISHED : Layout.SUPPORT_BYLINE;
  }

  /** The lines before the speech, ending in a blank line. */
  static void header(StringBuilder out, SplittableRandom rng, Layout layout, Transcript t, String correspondent) {
    Station station = Stations.byName(t.source());
    switch (layout) {
      case STATION -> stationBlock(out, station, false).append("\n").append(t.title()).append("\n\n\n");
      case STATION_THREE_ZEROS -> stationBlock(out, station, true).append(t.title()).append("\nTranscript\n");
      case STATION_PUBLISHED -> stationBlock(out, station, false).append(t.title())
          .append("\nOriginally published on ").append(dateTime(rng, t.date(), false)).append("\n\n");
      case SUPPORT_BYLINE -> out.append("We Get Support From:\nBecome a Supporter\n").append(t.title())
          .append("\nBy ").append(correspondent).append(" | NPR\n").append(dateTime(rng, t.date(), true)).append("\n\n");
      case NPR_ORG -> nprOrg(out, rng, t);
      case BARE_TITLE -> out.append(t.title()).append(rng.nextInt(4) == 0 ? "\nTranscript\n" : "\n\n");
    }
  }

  /** True when the layout glues the NPR credit to the last paragraph (most station pages). */
  static boolean gluesCredit(SplittableRandom rng, Layout layout) {
    return layout != Layout.NPR_ORG && layout != Layout.BARE_TITLE && rng.nextDouble() < 0.85;
  }

  /** The lines after the speech. */
  static void footer(
      StringBuilder out, SplittableRandom rng, Layout layout, boolean credit, List<People.Correspondent> bios,
      Transcript t) {
    if (layout == Layout.NPR_ORG) {
      out.append("\n\nCopyright © ").append(t.date() == null ? CRAWL_YEAR : t.date().getYear())
          .append(" NPR. All rights reserved. Visit our website terms of use and permissions pages at for further ")
          .append("information.\n\n").append(DISCLAIMER).append('\n');
      return;
    }
    if (layout == Layout.BARE_TITLE) {
      out.append('\n');
      return;
    }
    out.append(credit ? "\n\n" : "\n\nTags\n");
    for (People.Correspondent c : bios) {
      if (rng.nextBoolean()) {
        out.append(c.name()).append(" is a correspondent on NPR's ").append(c.desk()).append(" desk. Reports by ")
            .append(c.name()).append(" can be heard on all NPR News programs.\n");
      }
    }
    if (!credit) {
      out.append("Copyright © ").append(CRAWL_YEAR).append(" NPR. All rights reserved.\n");
    }
    if (rng.nextDouble() < 0.4) {
      out.append(DONATION);
    }
  }

  private static StringBuilder stationBlock(StringBuilder out, Station station, boolean threeZeros) {
    out.append("© ").append(CRAWL_YEAR).append(' ').append(station.name()).append('\n');
    if (station.slogan() != null) {
      out.append(station.slogan()).append('\n');
    }
    out.append("Play Live Radio\n");
    if (threeZeros) {
      return out.append("0:00\n0:00\n0:00\n");
    }
    return out.append("Next Up:\n0:00 0:00\nAvailable On Air Stations\n");
  }

  private static void nprOrg(StringBuilder out, SplittableRandom rng, Transcript t) {
    String teaser = teaser(t);
    int player = 100_000_000 + rng.nextInt(800_000_000);
    out.append(t.title()).append(' ').append(teaser).append('\n').append(t.title()).append('\n');
    if (t.program() != null) {
      out.append("Heard on ").append(t.program()).append('\n');
    }
    out.append("• Playlist\n• Download\n• Embed\n<iframe src=\"https://www.npr.org/player/embed/").append(player)
        .append('/').append(player + 1).append("\" width=\"100%\" height=\"290\" frameborder=\"0\" scrolling=\"no\" ")
        .append("title=\"NPR embedded audio player\">\n• Transcript\n");
    if (rng.nextBoolean()) {
      out.append("NPR logo\n");
    }
    out.append(t.title()).append('\n').append(teaser).append("\n\n");
    if (rng.nextInt(3) == 0) {
      out.append("Copyright © ").append(t.date() == null ? CRAWL_YEAR : t.date().getYear())
          .append(" NPR. For personal, noncommercial use only. See Terms of Use. For other permissions, contact ")
          .append("permissions@npr.org.\n\n");
    }
  }

  private static String teaser(Transcript t) {
    String about = t.topics().isEmpty() ? "the day's news" : "the latest on " + String.join(" and ", t.topics());
    return "A conversation about " + about + ".";
  }

  private static String dateTime(SplittableRandom rng, LocalDate date, boolean et) {
    int hour = 1 + rng.nextInt(12);
    int minute = rng.nextInt(60);
    String time = hour + ":" + (minute < 10 ? "0" : "") + minute;
    return LONG_DATE.format(date) + " " + time + (et ? (rng.nextBoolean() ? " AM ET" : " PM ET")
        : (rng.nextBoolean() ? " am" : " pm"));
  }
}

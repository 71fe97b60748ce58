package org.transcriptsearch.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Member stations whose sites mirror NPR stories, with the header lines their pages print. Immutable. */
final class Stations {
  /**
   * A station.
   *
   * @param name as its "© 2024 Name" line prints it; the parser takes it as the transcript's source
   * @param slogan a line under it ("NPR for North Texas"), or null
   * @param domain its web address
   */
  record Station(String name, String slogan, String domain) {}

  static final List<Station> ALL = List.of(
      new Station("KERA", "NPR for North Texas", "www.keranews.org"),
      new Station("WKNO FM", null, "www.wknofm.org"),
      new Station("Michigan State University Board of Trustees", "Public Media from Michigan State University",
          "www.wkar.org"),
      new Station("WBUR", null, "www.wbur.org"),
      new Station("Wyoming Public Media", null, "www.wyomingpublicmedia.org"),
      new Station("KOSU", "News and Music for Oklahoma", "www.kosu.org"),
      new Station("WUNC", null, "www.wunc.org"),
      new Station("Boise State Public Radio", null, "www.boisestatepublicradio.org"),
      new Station("KUOW", null, "www.kuow.org"),
      new Station("St. Louis Public Radio", null, "news.stlpublicradio.org"),
      new Station("Iowa Public Radio", null, "www.iowapublicradio.org"),
      new Station("WFAE", null, "www.wfae.org"),
      new Station("KUNC", null, "www.kunc.org"),
      new Station("WVPB", null, "www.wvpublic.org"),
      new Station("Houston Public Media", null, "www.houstonpublicmedia.org"));

  /** The source name of npr.org's own pages. */
  static final String NPR_ORG = "npr.org";

  private Stations() {}

  static Station draw(SplittableRandom rng) {
    return ALL.get(rng.nextInt(ALL.size()));
  }

  /** The station named {@code name}, or null. */
  static Station byName(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }
}

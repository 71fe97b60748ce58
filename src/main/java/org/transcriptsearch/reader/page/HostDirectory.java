package org.transcriptsearch.reader.page;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.transcriptsearch.text.Folding;

/**
 * Who hosts which NPR program: used to complete surname-only labels ("MCEVERS:" -> Kelly McEvers), to know
 * that a speaker is a host, and to infer a program the page does not name. Immutable and thread-safe.
 */
public final class HostDirectory {
  static final String RESOURCE = "npr-hosts.tsv";

  /**
   * One host of one program.
   *
   * @param name the host's name as printed in running text
   * @param program the program's usual name
   * @param fromYear first year as host, or null when not known
   * @param toYear last year as host, or null when still hosting or not known
   */
  public record Host(String name, String program, Integer fromYear, Integer toYear) {}

  private final List<Host> hosts;

  /** A directory of exactly these hosts. */
  public HostDirectory(Collection<Host> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  /** The directory shipped with the project ({@code npr-hosts.tsv} next to this class). */
  public static HostDirectory shipped() {
    try (InputStream in = HostDirectory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
      }
      return new HostDirectory(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static List<Host> read(BufferedReader reader) throws IOException {
    List<Host> out = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cols = line.split("\t", -1);
      out.add(new Host(cols[0].strip(), cols[1].strip(), year(cols, 2), year(cols, 3)));
    }
    return out;
  }

  private static Integer year(String[] cols, int i) {
    return cols.length > i && !cols[i].isBlank() ? Integer.valueOf(cols[i].strip()) : null;
  }

  /** Every host line of the directory. */
  public List<Host> hosts() {
    return hosts;
  }

  /**
   * The full name of the one host whose surname is {@code surname}, one word or several ("Vanek Smith"); case,
   * accents and punctuation ignored; empty when no host or several different hosts have it.
   */
  public Optional<String> fullNameForSurname(String surname) {
    Set<String> names = new LinkedHashSet<>();
    for (Host h : hosts) {
      if (PagePeople.endsWith(h.name(), surname) && h.name().split(" ").length > surname.split(" ").length) {
        names.add(h.name());
      }
    }
    return names.size() == 1 ? Optional.of(names.iterator().next()) : Optional.empty();
  }

  /** True when {@code name} is a host in the directory (case and accents ignored). */
  public boolean isHost(String name) {
    return canonical(name).isPresent();
  }

  /** The directory's spelling of host {@code name} ("A Martínez" for "A Martinez"), if it is a host. */
  public Optional<String> canonical(String name) {
    String key = fold(name);
    return hosts.stream().map(Host::name).filter(n -> fold(n).equals(key)).findFirst();
  }

  /**
   * The one program that all of {@code hostNames} that are in the directory host; empty when none of them is
   * known or they point to different programs.
   */
  public Optional<String> programOf(Collection<String> hostNames) {
    Set<String> common = null;
    for (String name : hostNames) {
      Set<String> programs = programsOf(name);
      if (programs.isEmpty()) {
        continue;
      }
      if (common == null) {
        common = new LinkedHashSet<>(programs);
      } else {
        common.retainAll(programs);
      }
    }
    return common != null && common.size() == 1 ? Optional.of(common.iterator().next()) : Optional.empty();
  }

  /** The programs {@code name} hosts or hosted. */
  public Set<String> programsOf(String name) {
    String key = fold(name);
    Set<String> programs = new LinkedHashSet<>();
    for (Host h : hosts) {
      if (fold(h.name()).equals(key)) {
        programs.add(h.program());
      }
    }
    return programs;
  }

  /** Lower-case ASCII letters only: "MARTÍNEZ", "Martinez" and "MART NEZ" meet. */
  static String fold(String s) {
    String folded = Folding.fold(s);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      }
    }
    return out.toString();
  }
}

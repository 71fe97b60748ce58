package org.transcriptsearch.reader.page;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;
import org.transcriptsearch.reader.BadInputException;
import org.transcriptsearch.reader.page.PageLines.Paragraph;
import org.transcriptsearch.speakers.SpeakerLabel;

/**
 * Reads one NPR transcript page, as text extracted from a station site, npr.org or a repost, into a
 * {@link Transcript}: boilerplate stripped, speakers resolved, cues set apart, title, program, date and site
 * read from the page. Thread-safe: it keeps no state between pages.
 */
public final class NprPageParser {
  private final HostDirectory hosts;

  /** A parser that completes and recognises hosts with {@code hosts}. */
  public NprPageParser(HostDirectory hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  /**
   * Parses the text of one page.
   *
   * @param pageText the page as extracted text, paragraphs separated by blank lines or newlines
   * @param sourceName the file or address the text came from, for error messages
   * @return the transcript; its url is null and its topics empty
   * @throws BadInputException when the page holds no speaker turns (a written article, a listing)
   */
  public Transcript parse(String pageText, String sourceName) throws BadInputException {
    return parse(pageText, sourceName, null, null);
  }

  /**
   * Parses the text of one page whose title and address are known from elsewhere (an HTML page's heading and
   * canonical link).
   *
   * @param titleHint the story title, or null to read it from the text
   * @param url the address of the page, or null to take one printed in its header; its path's date
   *     ({@code /2014/03/05/}) is the air date when the page prints none
   */
  Transcript parse(String pageText, String sourceName, String titleHint, String url) throws BadInputException {
    List<Paragraph> paragraphs = PageLines.paragraphs(pageText);
    PageSections sections = PageSections.of(paragraphs, pageSpeakers(paragraphs), this::isHostLabel, titleHint);
    List<RawTurn> raw = TurnAssembler.assemble(sections.speech());
    if (raw.stream().noneMatch(t -> t.start == RawTurn.Start.LABEL || t.start == RawTurn.Start.SELF_INTRODUCTION)) {
      throw new BadInputException(sourceName, null, "no transcript found in " + sourceName);
    }
    List<Turn> turns = PuzzleRoles.apply(new SpeakerResolver(hosts, raw).resolve(raw), sections.title());
    String program = program(turns, sections.programHint()).orElse(null);
    String id = TranscriptIds.of(sections.title(), turns);
    String address = url != null ? url : sections.address();
    LocalDate date = sections.date() != null ? sections.date() : PageDates.ofAddress(address).orElse(null);
    return new Transcript(id, sections.title(), program, date, address, sections.source(), List.of(), turns);
  }

  /** Whether a printed label names a host: by its role word, or by the host directory (full name or surname). */
  private boolean isHostLabel(String printed) {
    SpeakerLabel label = LabelMatcher.parse(printed);
    return label != null
        && (label.role() == Role.HOST || hosts.isHost(label.name())
            || (label.role() == Role.GUEST && hosts.fullNameForSurname(label.name()).isPresent()));
  }

  /** Whether a name is someone a label on the page or the host directory names: used to spot bios. */
  private Predicate<String> pageSpeakers(List<Paragraph> paragraphs) {
    Set<String> names = new HashSet<>();
    for (Paragraph p : paragraphs) {
      LabelMatcher.find(p.text())
          .map(label -> LabelMatcher.parse(label.printed()))
          .ifPresent(label -> names.add(HostDirectory.fold(label.name())));
    }
    return name -> names.contains(HostDirectory.fold(name)) || hosts.isHost(name);
  }

  /**
   * The program the hosts name at the opening or close, else after a lead-in further into the opening ("It's the
   * NPR POLITICS PODCAST"), else misspelt in capitals ("WEEKENED EDITION"), else the one the header or the title
   * suffix names, else the one the hosts point to in the directory. "Weekend Edition" is made Saturday or Sunday by its host when the directory knows.
   */
  private Optional<String> program(List<Turn> turns, String hint) {
    List<String> hostNames =
        turns.stream().filter(t -> t.speaker().role() == Role.HOST).map(t -> t.speaker().name()).distinct().toList();
    String edges = edges(turns);
    Optional<String> spoken = ProgramNames.find(edges);
    if (spoken.isEmpty()) {
      spoken = ProgramNames.findIntroduced(opening(turns));
    }
    if (spoken.isEmpty()) {
      spoken = ProgramNames.findMisspelt(edges);
    }
    Optional<String> named = spoken.isPresent() ? spoken : Optional.ofNullable(hint);
    if (named.isPresent() && named.get().equals("Weekend Edition")) {
      return Optional.of(weekendEditionDay(hostNames).orElse("Weekend Edition"));
    }
    return named.isPresent() ? named : hosts.programOf(hostNames);
  }

  /** The first three and last two turns: where hosts name their program. */
  private static String edges(List<Turn> turns) {
    int n = turns.size();
    return Stream.concat(turns.subList(0, Math.min(3, n)).stream(), turns.subList(Math.max(Math.min(3, n), n - 2), n).stream())
        .map(Turn::text)
        .reduce("", (a, b) -> a + "\n" + b);
  }

  /** The first dozen turns: where a podcast names itself after its cold open. */
  private static String opening(List<Turn> turns) {
    return String.join("\n", turns.subList(0, Math.min(12, turns.size())).stream().map(Turn::text).toList());
  }

  private Optional<String> weekendEditionDay(List<String> hostNames) {
    for (String name : hostNames) {
      for (String program : hosts.programsOf(name)) {
        if (program.startsWith("Weekend Edition ")) {
          return Optional.of(program);
        }
      }
    }
    return Optional.empty();
  }
}

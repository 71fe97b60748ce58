package org.transcriptsearch.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * The plan of one generated story before its turns are written.
 *
 * @param program the program's usual name
 * @param date the air date
 * @param source a station name, {@code npr.org}, or null for a page with no header
 * @param topics the main topics, most important first; empty for a domestic story
 * @param mentions what its speech mentions
 * @param opener the host who opens it
 * @param openingLine the host's show opening naming the program and themself ("This is FRESH AIR. I'm Terry
 *     Gross."), or null when the story starts straight in
 * @param openingLabelled true when the opening turn carries a label; otherwise it is unlabelled and inferred
 * @param coHost a second host answering "And I'm X.", or null
 * @param coHostLabelled true when the co-host's answer carries a label rather than standing alone
 * @param lead the host who leads the conversation after the opening
 * @param others everyone else who speaks, in order of appearance preference
 * @param style how labels are printed
 */
record Story(
    String program, LocalDate date, String source, List<String> topics, Mentions mentions, Person opener,
    String openingLine, boolean openingLabelled, Person coHost, boolean coHostLabelled, Person lead,
    List<Person> others, LabelStyle style) {
  Story {
    topics = List.copyOf(topics);
    others = List.copyOf(others);
  }
}

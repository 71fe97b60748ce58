package org.transcriptsearch.dedup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Json;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.TranscriptIds;
import org.transcriptsearch.model.Turn;

/** One story as two station sites print it, with the damage mirrors show, and another story on the same subject. */
final class Stories {
  static final String TITLE = "Kerry And Russian Diplomat Talk Crimea In Paris";
  static final Speaker BLOCK = new Speaker("Melissa Block", "MELISSA BLOCK", Role.HOST, null, null);
  static final Speaker KELEMEN = new Speaker("Michele Kelemen", "MICHELE KELEMEN", Role.CORRESPONDENT, null, null);

  static final List<String> SPEECH =
      List.of(
          "Secretary of State John Kerry met his Russian counterpart in Paris today, and for four hours they talked"
              + " about Ukraine without finding a way out of the crisis over Crimea.",
          "The two men met at the residence of the Russian ambassador. Kerry said the United States still considers"
              + " the Russian military intervention in Crimea illegal and illegitimate, and he called on Moscow to"
              + " pull its forces back to their bases.",
          "Did they agree on anything at all, Michele?",
          "They agreed that any settlement must protect the rights of Russian speakers in eastern Ukraine, and"
              + " they said their teams would keep talking, but Lavrov gave no sign that Russian troops would leave"
              + " the peninsula any time soon.");

  private Stories() {}

  /** The story as broadcast, on the site {@code site}. */
  static Transcript original(String site, String url) {
    return story(site, url, SPEECH);
  }

  /** The story with the page's teaser kept as the host's first paragraph and the station's copyright line. */
  static Transcript withTeaserAndBoilerplate(String site, String url) {
    List<String> speech = new ArrayList<>(SPEECH);
    speech.set(0, "Kerry and Lavrov talk for four hours in Paris without a deal.\n\n" + speech.get(0));
    speech.set(3, speech.get(3) + "\n\nCopyright 2014 " + site + ". To see more, visit " + url + ".");
    return story(site, url, speech);
  }

  /** The story with its last two turns cut off. */
  static Transcript truncated(String site, String url) {
    return story(site, url, SPEECH.subList(0, 2));
  }

  /** The story with the correspondent's labels lost: her turns run into the host's. */
  static Transcript lostLabels(String site, String url) {
    Turn one = new Turn(1, BLOCK, SPEECH.get(0) + "\n\n" + SPEECH.get(1), Attribution.LABELLED, List.of());
    Turn two = new Turn(2, BLOCK, SPEECH.get(2) + "\n\n" + SPEECH.get(3), Attribution.LABELLED, List.of());
    return transcript(site, url, List.of(one, two));
  }

  /** Another story on the same subject, with the same host and the same opening words. */
  static Transcript sameSubject(String site, String url) {
    return story(
        site,
        url,
        List.of(
            "Secretary of State John Kerry met his Russian counterpart in London today, and the talk was of new"
                + " sanctions if Russia annexes Crimea after Sunday's referendum.",
            "Kerry said Russia would pay a price. Lavrov said Moscow would respect the will of the people of"
                + " Crimea, and that the West had no standing to lecture anyone about Ukraine.",
            "What happens after the vote on Sunday?",
            "European foreign ministers meet on Monday to decide on travel bans and asset freezes, and officials"
                + " here say the list of names is already drawn up."));
  }

  private static Transcript story(String site, String url, List<String> speech) {
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < speech.size(); i++) {
      Speaker speaker = i % 2 == 0 ? BLOCK : KELEMEN;
      turns.add(new Turn(i + 1, speaker, speech.get(i), Attribution.LABELLED, List.of()));
    }
    return transcript(site, url, turns);
  }

  private static Transcript transcript(String site, String url, List<Turn> turns) {
    return new Transcript(
        TranscriptIds.of(TITLE, turns), TITLE, "All Things Considered", LocalDate.of(2014, 3, 30), url, site,
        List.of(), turns);
  }

  /** Writes {@code transcripts} as canonical JSON lines to {@code file}. */
  static Path jsonl(Path file, Transcript... transcripts) throws IOException {
    StringBuilder out = new StringBuilder();
    for (Transcript t : transcripts) {
      out.append(Json.mapper().writeValueAsString(t)).append('\n');
    }
    Files.createDirectories(file.getParent());
    return Files.writeString(file, out, StandardCharsets.UTF_8);
  }
}

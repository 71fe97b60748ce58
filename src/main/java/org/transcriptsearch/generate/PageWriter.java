package org.transcriptsearch.generate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.transcriptsearch.generate.PageFrame.Layout;
import org.transcriptsearch.model.Attribution;
import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Transcript;
import org.transcriptsearch.model.Turn;

/**
 * Prints transcripts as NPR transcript pages, one UTF-8 file per transcript named {@code 000123_<id>.txt}, in the
 * variations real pages show (see {@link PageFrame} for headers and footers): labels inline, on their own line, or
 * only the first on its own line; paragraphs separated by blank lines or single newlines; own-line cues before a
 * turn, cues after a label, {@code (ph)} inside a sentence; a co-host's "And I'm X." sometimes run into the
 * opening paragraph; the NPR credit glued to the last paragraph.
 *
 * <p>Each page's look is drawn from the writer's seed and the transcript's index, so output is deterministic. Only
 * the printing varies: parsing a page gives back the transcript's turns exactly, as each turn's label, attribution
 * and cues already say how it is printed.
 */
public final class PageWriter implements CorpusWriter {
  private final Path dir;
  private final long seed;
  private int files;

  /** A writer of page files into folder {@code dir}, which must exist; {@code seed} draws the pages' looks. */
  public PageWriter(Path dir, long seed) {
    this.dir = dir;
    this.seed = seed;
  }

  /** The file name of the page of transcript {@code index}. */
  public static String fileName(int index, Transcript t) {
    String number = Integer.toString(index);
    return "0".repeat(Math.max(0, 6 - number.length())) + number + "_" + t.id() + ".txt";
  }

  @Override
  public void write(int index, Transcript transcript) throws IOException {
    // The page's look depends on the seed and the index alone (mixed, see CorpusGenerator.mix), never on the
    // pages written before it.
    String page = page(transcript, new SplittableRandom(CorpusGenerator.mix(~seed, index)));
    try (Writer out = Files.newBufferedWriter(dir.resolve(fileName(index, transcript)), StandardCharsets.UTF_8)) {
      out.write(page);
    }
    files++;
  }

  /** The page text of {@code t}, its look drawn from {@code rng}. */
  public static String page(Transcript t, SplittableRandom rng) {
    List<People.Correspondent> reporters = correspondents(t);
    Layout layout = PageFrame.layout(rng, t, reporters.isEmpty() ? null : reporters.get(0).name());
    StringBuilder out = new StringBuilder(8192);
    PageFrame.header(out, rng, layout, t, reporters.isEmpty() ? null : reporters.get(0).name());
    boolean credit = PageFrame.gluesCredit(rng, layout);
    new Body(out, rng, layout).turns(t.turns(), credit);
    PageFrame.footer(out, rng, layout, credit, reporters, t);
    return out.toString();
  }

  private static List<People.Correspondent> correspondents(Transcript t) {
    List<People.Correspondent> found = new ArrayList<>();
    for (People.Correspondent c : People.CORRESPONDENTS) {
      boolean speaks = t.turns().stream()
          .anyMatch(turn -> turn.speaker().role() == Role.CORRESPONDENT && turn.speaker().name().equals(c.name()));
      if (speaks) {
        found.add(c);
      }
    }
    return found;
  }

  @Override
  public int files() {
    return files;
  }

  @Override
  public void close() {
    // Each page is closed as soon as it is written.
  }

  /** The speech of one page. */
  private static final class Body {
    private final StringBuilder out;
    private final SplittableRandom rng;
    private final String gap;
    private final int labelsOnOwnLine;

    Body(StringBuilder out, SplittableRandom rng, Layout layout) {
      this.out = out;
      this.rng = rng;
      this.gap = rng.nextInt(7) == 0 ? "\n" : "\n\n";
      double x = rng.nextDouble();
      // How many labels stand on a line of their own: none, the first only (as npr.org often prints), or all.
      this.labelsOnOwnLine = x < 0.1 ? Integer.MAX_VALUE : (x < 0.3 || layout == Layout.NPR_ORG && x < 0.6) ? 1 : 0;
    }

    void turns(List<Turn> turns, boolean credit) {
      int labels = 0;
      for (int i = 0; i < turns.size(); i++) {
        Turn turn = turns.get(i);
        boolean last = i == turns.size() - 1;
        if (i > 0 && !runIn(turn, turns.get(i - 1))) {
          out.append(gap);
        }
        List<String> cues = new ArrayList<>(turn.cues());
        for (String cue : List.copyOf(cues)) {
          if (isOwnLine(cue)) {
            out.append(cue).append(gap);
            cues.remove(cue);
          }
        }
        String label = turn.speaker().label();
        if (label != null) {
          // "And I'm X." after a bare label line would read as an unlabelled self-introduction: keep it inline.
          boolean ownLine = labels++ < labelsOnOwnLine && !turn.text().startsWith("And I'm ");
          out.append(label).append(':').append(ownLine ? gap : " ");
        }
        paragraphs(turn.text(), cues, last && credit);
      }
    }

    /**
     * True when a co-host's standalone "And I'm X." is run into the paragraph before it, as some pages print it;
     * the space is then written here.
     */
    private boolean runIn(Turn turn, Turn previous) {
      boolean eligible = turn.attribution() == Attribution.SELF_INTRODUCED && turn.cues().isEmpty()
          && previous.text().endsWith(".") && !previous.text().isEmpty();
      if (eligible && rng.nextInt(6) == 0) {
        out.append(' ');
        return true;
      }
      return false;
    }

    private void paragraphs(String text, List<String> cues, boolean credit) {
      String[] paragraphs = text.split("\n\n", -1);
      for (int p = 0; p < paragraphs.length; p++) {
        if (p > 0) {
          out.append(gap);
        }
        String paragraph = paragraphs[p];
        if (p == 0) {
          paragraph = withCues(paragraph, cues);
        }
        out.append(paragraph);
      }
      if (credit) {
        out.append(PageFrame.CREDIT);
      }
    }

    /** Cues after the label open the paragraph; "(ph)" follows a word inside its first sentence. */
    private static String withCues(String paragraph, List<String> cues) {
      StringBuilder front = new StringBuilder();
      String text = paragraph;
      for (String cue : cues) {
        if (isInline(cue)) {
          int end = firstSentenceEnd(text);
          text = text.substring(0, end) + " " + cue + text.substring(end);
        } else {
          front.append(cue).append(' ');
        }
      }
      return front + text;
    }

    private static int firstSentenceEnd(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
          return i;
        }
      }
      return text.length();
    }
  }

  /** Sound cues stand on their own line: "(SOUNDBITE OF MUSIC)", "(LAUGHTER)", "(Soundbite of applause)". */
  static boolean isOwnLine(String cue) {
    return cue.startsWith("(SOUNDBITE") || cue.startsWith("(Soundbite")
        || cue.equals("(LAUGHTER)") || cue.equals("(CHEERING)") || cue.equals("(APPLAUSE)");
  }

  /** Cues printed inside a sentence, after the word they annotate. */
  static boolean isInline(String cue) {
    return cue.equals("(ph)") || cue.equals("(technical difficulties)");
  }
}

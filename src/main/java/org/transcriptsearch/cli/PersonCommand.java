package org.transcriptsearch.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.transcriptsearch.research.People;
import org.transcriptsearch.research.People.Person;
import org.transcriptsearch.search.Results.FacetValue;
import org.transcriptsearch.search.Results.Hit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code person NAME}: one person's record. */
@Command(
    name = "person",
    mixinStandardHelpOptions = true,
    description = {
      "One person's record from any written form of the name (case and accents ignored): forms in use, roles,",
      "printed titles and affiliations, programs, first and last air date, turns, topics, turns per year and the",
      "most recent turns. --json prints what GET /api/speakers/{name} returns."
    })
final class PersonCommand implements Callable<Integer> {
  @Mixin IndexOption indexFolder;

  @Mixin SolrOptions solr;

  @Option(names = "--json", description = "Print the API's JSON instead of text.")
  boolean json;

  @Parameters(paramLabel = "NAME", arity = "1..*", description = "The name (words are joined by spaces).")
  List<String> name;

  @Mixin DataOptions data;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return ReadOnlyAnswer.print(
        spec, indexFolder, solr, data, json,
        backend -> backend.person(String.join(" ", name)),
        Person::shards, "the record and its counts",
        (person, out) -> out.println(text(person)));
  }

  private static String text(Person p) {
    StringBuilder s = new StringBuilder();
    s.append(p.name()).append(" (").append(p.utterances()).append(p.utterances() == 1 ? " turn" : " turns");
    if (p.firstDate() != null) {
      s.append(", ").append(p.firstDate()).append(" to ").append(p.lastDate());
    }
    s.append(")\n");
    line(s, "written", p.forms().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    line(s, "roles", counts(p.roles()));
    line(s, "titles", counts(p.titles()));
    line(s, "affiliations", counts(p.affiliations()));
    line(s, "programs", counts(p.programs()));
    line(s, "topics", counts(p.topics()));
    line(s, "per year", p.timeline().buckets().stream().map(b -> b.start().getYear() + " " + b.count()).toList());
    if (p.timeline().undated() > 0) {
      s.append("  undated: ").append(p.timeline().undated()).append('\n');
    }
    if (!p.alsoMatched().isEmpty()) {
      line(s, "the name also fits", p.alsoMatched());
    }
    s.append("  most recent:\n");
    for (Hit h : p.recent()) {
      s.append("    ").append(h.citation()).append(" [").append(h.id()).append("]\n      ")
          .append(excerpt(h.text())).append('\n');
    }
    return s.toString().stripTrailing();
  }

  private static void line(StringBuilder s, String label, List<String> values) {
    s.append("  ").append(label).append(": ").append(values.isEmpty() ? "-" : String.join(", ", values)).append('\n');
  }

  private static List<String> counts(List<FacetValue> values) {
    return values.stream().map(v -> v.value() + " " + v.count()).collect(Collectors.toList());
  }

  private static String excerpt(String text) {
    return text.length() <= 160 ? text : text.substring(0, text.lastIndexOf(' ', 160)) + " ...";
  }
}

package org.transcriptsearch.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTaggerTest {
  // Immutable and thread-safe, so one shared instance is safe across tests.
  private static final TopicTagger TAGGER = new TopicTagger(TopicTaxonomy.bundled());

  @Test
  void syriaAliasesFromTheIssue() {
    for (String text : new String[] {"Syria", "a Syrian soldier", "Syrians fled", "in Aleppo", "from Damascus",
        "Assad said", "Bashar al-Assad", "Bashar Assad"}) {
      assertThat(TAGGER.mentioned(text)).as(text).containsExactly("Syria");
    }
  }

  @Test
  void crimeaAliasesYieldCrimeaAndTheStatesThatDisputeIt() {
    for (String text : new String[] {"Crimea", "the Crimean port", "in Sevastopol", "Simferopol airport"}) {
      assertThat(TAGGER.mentioned(text)).as(text).containsExactly("Crimea", "Ukraine", "Russia");
    }
  }

  @Test
  void ukraineAliasesFromTheIssue() {
    for (String text : new String[] {"Ukraine", "Ukrainian troops", "Ukrainians", "Kiev", "Kyiv", "Zelenskyy",
        "Zelensky"}) {
      assertThat(TAGGER.mentioned(text)).as(text).containsExactly("Ukraine");
    }
  }

  @Test
  void russiaAliasesFromTheIssue() {
    for (String text : new String[] {"Russia", "Russian officials", "the Russians", "Moscow", "the Kremlin",
        "Putin", "Lavrov"}) {
      assertThat(TAGGER.mentioned(text)).as(text).containsExactly("Russia");
    }
  }

  @Test
  void possessivesAndHyphenCompoundsMatch() {
    assertThat(TAGGER.mentioned("Syria's neighbours")).containsExactly("Syria");
    assertThat(TAGGER.mentioned("Syria\u2019s neighbours")).containsExactly("Syria");
    assertThat(TAGGER.mentioned("Russian-backed separatists")).containsExactly("Russia");
    assertThat(TAGGER.mentioned("Kim Jong-un and Kim Jong Un")).containsExactly("North Korea");
    assertThat(TAGGER.mentioned("the Nagorno-Karabakh region")).containsExactly("Nagorno-Karabakh", "Armenia",
        "Azerbaijan");
  }

  @Test
  void matchingIsCaseSensitive() {
    assertThat(TAGGER.mentioned("a turkey dinner on fine china")).isEmpty();
    assertThat(TAGGER.mentioned("Turkey and China")).containsExactly("Turkey", "China");
  }

  @Test
  void longestMatchWins() {
    assertThat(TAGGER.mentioned("North Korea tested a missile")).containsExactly("North Korea");
    assertThat(TAGGER.mentioned("South Sudanese refugees")).containsExactly("South Sudan");
    assertThat(TAGGER.mentioned("Korea")).containsExactly("Korean Peninsula");
    assertThat(TAGGER.mentioned("a Latin American leader")).containsExactly("Latin America");
  }

  @Test
  void phrasesDoNotSpanCommasOrSpacedDashes() {
    assertThat(TAGGER.mentioned("heading North, Korea said")).containsExactly("Korean Peninsula");
    assertThat(TAGGER.mentioned("South - Korea")).containsExactly("Korean Peninsula");
  }

  @Test
  void oneMentionMayYieldSeveralTopics() {
    assertThat(TAGGER.mentioned("the Syrian civil war")).containsExactly("Syrian Civil War", "Syria");
    assertThat(TAGGER.mentioned("the war in Gaza")).containsExactly("Israel-Hamas War", "Israel", "Gaza Strip",
        "Hamas", "Palestine");
  }

  @Test
  void diacriticsAndTransliterationsAreFolded() {
    assertThat(TAGGER.mentioned("Erdoğan spoke")).containsExactly("Turkey");
    assertThat(TAGGER.mentioned("C\u00f4te d\u2019Ivoire")).containsExactly("Cote d'Ivoire");
    assertThat(TAGGER.mentioned("Gaddafi, Qaddafi, Kadhafi")).containsExactly("Libya");
  }

  @Test
  void blockedPhrasesYieldNothing() {
    assertThat(TAGGER.mentioned("Jim Jordan asked")).isEmpty();
    assertThat(TAGGER.mentioned("Amman, Jordan")).containsExactly("Jordan");
    assertThat(TAGGER.mentioned("Georgia voters")).isEmpty();
    assertThat(TAGGER.mentioned("Tbilisi and the Georgian government")).containsExactly("Georgia");
    assertThat(TAGGER.mentioned("African American voters")).isEmpty();
  }

  @Test
  void dottedInitialsAndPeriodsInAliases() {
    assertThat(TAGGER.mentioned("the U.S. and the U.N.")).containsExactly("United States", "United Nations");
    assertThat(TAGGER.mentioned("in St. Petersburg")).containsExactly("Russia");
    assertThat(TAGGER.mentioned("not now. Korea")).containsExactly("Korean Peninsula");
  }

  @Test
  void countsMentionsInOrderOfFirstMention() {
    assertThat(TAGGER.counts("Aleppo fell. Russia bombed Syria."))
        .containsExactly(java.util.Map.entry("Syria", 2), java.util.Map.entry("Russia", 1));
    assertThat(TAGGER.mentioned(null)).isEmpty();
  }
}

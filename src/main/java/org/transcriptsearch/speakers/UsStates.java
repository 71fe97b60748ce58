package org.transcriptsearch.speakers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The states and territories of the United States, as speaker strings print them after a party: by name
 * ("SOUTH CAROLINA"), by postal code ("SC") or by AP abbreviation ("S.C.", "Calif.").
 */
final class UsStates {
  /** Name, postal code, AP abbreviation (empty when AP spells the name out). */
  private static final String[][] STATES = {
    {"Alabama", "AL", "Ala."}, {"Alaska", "AK", ""}, {"Arizona", "AZ", "Ariz."}, {"Arkansas", "AR", "Ark."},
    {"California", "CA", "Calif."}, {"Colorado", "CO", "Colo."}, {"Connecticut", "CT", "Conn."},
    {"Delaware", "DE", "Del."}, {"Florida", "FL", "Fla."}, {"Georgia", "GA", "Ga."}, {"Hawaii", "HI", ""},
    {"Idaho", "ID", ""}, {"Illinois", "IL", "Ill."}, {"Indiana", "IN", "Ind."}, {"Iowa", "IA", ""},
    {"Kansas", "KS", "Kan."}, {"Kentucky", "KY", "Ky."}, {"Louisiana", "LA", "La."}, {"Maine", "ME", ""},
    {"Maryland", "MD", "Md."}, {"Massachusetts", "MA", "Mass."}, {"Michigan", "MI", "Mich."},
    {"Minnesota", "MN", "Minn."}, {"Mississippi", "MS", "Miss."}, {"Missouri", "MO", "Mo."},
    {"Montana", "MT", "Mont."}, {"Nebraska", "NE", "Neb."}, {"Nevada", "NV", "Nev."},
    {"New Hampshire", "NH", "N.H."}, {"New Jersey", "NJ", "N.J."}, {"New Mexico", "NM", "N.M."},
    {"New York", "NY", "N.Y."}, {"North Carolina", "NC", "N.C."}, {"North Dakota", "ND", "N.D."},
    {"Ohio", "OH", ""}, {"Oklahoma", "OK", "Okla."}, {"Oregon", "OR", "Ore."}, {"Pennsylvania", "PA", "Pa."},
    {"Rhode Island", "RI", "R.I."}, {"South Carolina", "SC", "S.C."}, {"South Dakota", "SD", "S.D."},
    {"Tennessee", "TN", "Tenn."}, {"Texas", "TX", ""}, {"Utah", "UT", ""}, {"Vermont", "VT", "Vt."},
    {"Virginia", "VA", "Va."}, {"Washington", "WA", "Wash."}, {"West Virginia", "WV", "W.Va."},
    {"Wisconsin", "WI", "Wis."}, {"Wyoming", "WY", "Wyo."}, {"District of Columbia", "DC", "D.C."},
    {"Puerto Rico", "PR", "P.R."}, {"Guam", "GU", ""}, {"Virgin Islands", "VI", "V.I."},
    {"American Samoa", "AS", ""}, {"Northern Mariana Islands", "MP", ""}
  };

  /** Abbreviations in common use besides AP's. */
  private static final String[][] OTHER_FORMS = {{"Tex.", "Texas"}, {"Penn.", "Pennsylvania"}, {"Wisc.", "Wisconsin"}};

  private static final Map<String, String> BY_FORM = byForm();

  private UsStates() {}

  private static Map<String, String> byForm() {
    Map<String, String> byForm = new HashMap<>();
    for (String[] state : STATES) {
      for (String form : state) {
        if (!form.isEmpty()) {
          byForm.put(key(form), state[0]);
        }
      }
    }
    for (String[] other : OTHER_FORMS) {
      byForm.put(key(other[0]), other[1]);
    }
    return Map.copyOf(byForm);
  }

  /** The state's name when {@code printed} names one in any of its forms, in any case. */
  static Optional<String> named(String printed) {
    return Optional.ofNullable(BY_FORM.get(key(printed)));
  }

  private static String key(String form) {
    StringBuilder key = new StringBuilder(form.length());
    for (int i = 0; i < form.length(); i++) {
      char c = form.charAt(i);
      if (c != '.' && !Character.isWhitespace(c)) {
        key.append(Character.toLowerCase(c));
      }
    }
    return key.toString();
  }
}

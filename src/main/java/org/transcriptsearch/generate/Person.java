package org.transcriptsearch.generate;

import org.transcriptsearch.model.Role;
import org.transcriptsearch.model.Speaker;

/**
 * Someone who speaks in one generated story, with the labels a page prints for them.
 *
 * @param name canonical name ("Michele Kelemen", "Unidentified Man #2")
 * @param role their part
 * @param title printed title ("Secretary"), or null
 * @param affiliation printed description ("Democrat, New York"), or null
 * @param firstLabel the label of their first labelled turn ("MICHELE KELEMEN, BYLINE"), without the colon
 * @param laterLabel the label of later turns ("KELEMEN")
 * @param addressName what others call them in speech ("Michele", "Secretary Kerry")
 * @param mention how speech names them ("NPR's Michele Kelemen", "Secretary of State John Kerry")
 * @param interpreted true when heard through an interpreter
 * @param lengthFactor how long their turns run compared with the average turn
 */
record Person(
    String name, Role role, String title, String affiliation, String firstLabel, String laterLabel,
    String addressName, String mention, boolean interpreted, double lengthFactor) {

  /** This person speaking a turn that carries {@code label}, or none when {@code label} is null. */
  Speaker speaker(String label) {
    return new Speaker(name, label, role, title, affiliation);
  }

  /** The same person printed with other labels. */
  Person withLabels(String first, String later) {
    return new Person(name, role, title, affiliation, first, later, addressName, mention, interpreted, lengthFactor);
  }

  /** The last word of the name, which short labels print. */
  String surname() {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  /** The first word of the name. */
  String firstName() {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}

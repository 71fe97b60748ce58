package org.transcriptsearch.reader;

/**
 * Input that cannot be read as a transcript, with where it is: the file, and where known the line, record or
 * field. The message reads "FILE[:LINE or record R][ field F]: REASON".
 */
public class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String location;
  private final String reason;

  /**
   * @param file the file (or other source name) the input came from
   * @param location "line 12", "record 3 (id NPR-11)", "field utt" and the like; null when the whole file is bad
   * @param reason what is wrong, for a person to read
   */
  public BadInputException(String file, String location, String reason) {
    this(file, location, reason, null);
  }

  /** As {@link #BadInputException(String, String, String)}, keeping the underlying cause. */
  public BadInputException(String file, String location, String reason, Throwable cause) {
    super(file + (location == null ? "" : ": " + location) + ": " + reason, cause);
    this.file = file;
    this.location = location;
    this.reason = reason;
  }

  /** The file or source name. */
  public String file() {
    return file;
  }

  /** Where in the file, or null. */
  public String location() {
    return location;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }
}

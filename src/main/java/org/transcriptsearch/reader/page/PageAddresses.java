package org.transcriptsearch.reader.page;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.transcriptsearch.reader.BadInputException;

/**
 * Where a saved page was published, told by files the user keeps beside it: a sidecar {@code NAME.url} (for
 * {@code story.txt}, {@code story.txt.url} or {@code story.url}) holding the address on its first line, or in
 * the Windows shortcut form {@code URL=...}; or a manifest {@value #MANIFEST} in the page's folder, one page a
 * line: its file name, a tab (or spaces), its address. Blank lines and lines starting with {@code #} are skipped.
 *
 * <p>A sidecar wins over the manifest. A bad address refuses the page it belongs to, naming the file and line, so
 * that no page is indexed with an address silently lost. Thread-safe: each folder's manifest is read once.
 */
final class PageAddresses {
  /** The manifest's file name. */
  static final String MANIFEST = "urls.tsv";

  private static final String SIDECAR = ".url";

  /** A manifest's entries by file name: an address, or the error of the line that names the file. */
  private record Entry(String address, BadInputException error) {}

  private final Map<Path, Map<String, Entry>> manifests = new ConcurrentHashMap<>();

  /** True for the files that hold addresses of pages rather than pages: sidecars and manifests. */
  static boolean isAddressFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(SIDECAR) || n.equals(MANIFEST);
  }

  /**
   * The address that a sidecar or the folder's manifest gives {@code page}.
   *
   * @throws BadInputException naming the sidecar or manifest, and line, whose address for this page is not a web
   *     address
   */
  Optional<String> of(Path page) throws BadInputException, IOException {
    Optional<String> sidecar = sidecar(page);
    return sidecar.isPresent() ? sidecar : fromManifest(page);
  }

  private static Optional<String> sidecar(Path page) throws BadInputException, IOException {
    String name = page.getFileName().toString();
    int dot = name.lastIndexOf('.');
    for (String candidate : dot > 0 ? List.of(name + SIDECAR, name.substring(0, dot) + SIDECAR) : List.of(name + SIDECAR)) {
      Path file = page.resolveSibling(candidate);
      if (Files.isRegularFile(file)) {
        return Optional.of(readSidecar(file));
      }
    }
    return Optional.empty();
  }

  private static String readSidecar(Path file) throws BadInputException, IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip().replace("\uFEFF", "");
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
        continue;
      }
      if (line.regionMatches(true, 0, "URL=", 0, 4)) {
        line = line.substring(4).strip();
      } else if (line.matches("[A-Za-z]+=.*")) {
        continue; // another key of a Windows shortcut ("IconIndex=0")
      }
      return checked(line, file.toString(), "line " + (i + 1));
    }
    throw new BadInputException(file.toString(), null, "no address in this sidecar");
  }

  private Optional<String> fromManifest(Path page) throws BadInputException, IOException {
    Path folder = page.toAbsolutePath().normalize().getParent();
    Path manifest = folder == null ? null : folder.resolve(MANIFEST);
    if (manifest == null || !Files.isRegularFile(manifest)) {
      return Optional.empty();
    }
    Entry entry = entries(manifest, page.toString()).get(page.getFileName().toString());
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.error() != null) {
      throw entry.error();
    }
    return Optional.of(entry.address());
  }

  private Map<String, Entry> entries(Path manifest, String shownAs) throws IOException {
    Map<String, Entry> cached = manifests.get(manifest);
    if (cached != null) {
      return cached;
    }
    // Named as the user named the folder: the page's path as given, with the manifest's name.
    Path shown = Path.of(shownAs).resolveSibling(MANIFEST);
    Map<String, Entry> read = readManifest(manifest, shown.toString());
    manifests.putIfAbsent(manifest, read);
    return read;
  }

  private static Map<String, Entry> readManifest(Path manifest, String shown) throws IOException {
    Map<String, Entry> out = new HashMap<>();
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replace("\uFEFF", "").strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(line.contains("\t") ? "\t+" : "\\s+", 2);
      String where = "line " + (i + 1);
      String name = parts[0].strip();
      try {
        if (parts.length < 2 || parts[1].isBlank()) {
          throw new BadInputException(shown, where, "no address after the file name '" + name + "'");
        }
        // The last line naming a file wins, as when a list is appended to.
        out.put(name, new Entry(checked(parts[1].strip(), shown, where), null));
      } catch (BadInputException e) {
        out.put(name, new Entry(null, e));
      }
    }
    return Map.copyOf(out);
  }

  /**
   * {@code address} when it is an absolute http or https address.
   *
   * @throws BadInputException naming {@code file} and {@code where} otherwise
   */
  static String checked(String address, String file, String where) throws BadInputException {
    try {
      URI uri = new URI(address);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return address;
      }
    } catch (URISyntaxException e) {
      // Reported below with the address as written.
    }
    throw new BadInputException(file, where, "'" + address + "' is not a web address (expected http:// or https://)");
  }
}

package org.transcriptsearch.alerts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Files replaced whole or not at all: written to a temporary file, forced to disk, moved over the old one in one
 * step, and the folder forced too, so a crash at any moment leaves either the old content or the new.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code file} with {@code content}, durably. */
  public static void write(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        out.write(java.nio.ByteBuffer.wrap(content));
        out.force(true);
      }
      move(temp, file);
      forceFolder(dir);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Moves {@code from} to {@code to} in one step (replacing it), then forces both folders to disk. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + to + " in one step on this file system", e);
    }
    forceFolder(to.toAbsolutePath().getParent());
    forceFolder(from.toAbsolutePath().getParent());
  }

  /** Makes a folder's entries (a file created, renamed or removed) durable; not possible on every system. */
  public static void forceFolder(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open a folder this way; its renames are durable by themselves.
    }
  }
}

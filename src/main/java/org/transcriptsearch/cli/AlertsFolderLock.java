package org.transcriptsearch.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A server's hold on the folder its alerts are kept in: two servers writing one folder would each overwrite the
 * other's alerts and feeds. The embedded index's own lock does this for its default folder beside it; a folder named
 * with {@code --alerts}, and every SolrCloud server's folder, is held with this. Released when the server stops, or
 * by the system when its process ends.
 */
final class AlertsFolderLock implements AutoCloseable {
  /** The lock file, inside the alerts folder. */
  static final String FILE = "server.lock";

  private final FileLock lock;

  private AlertsFolderLock(FileLock lock) {
    this.lock = lock;
  }

  /**
   * Holds {@code dir} (created if missing) for this server.
   *
   * @throws IOException naming the folder when another server holds it
   */
  static AlertsFolderLock hold(Path dir) throws IOException {
    Files.createDirectories(dir);
    FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very process: another server started in it
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("the alerts folder " + dir + " is in use by another server; give this one a folder of"
          + " its own with --alerts DIR");
    }
    return new AlertsFolderLock(lock);
  }

  /** Lets another server take the folder; never throws (called on the way out). */
  @Override
  public void close() {
    try {
      lock.release();
      lock.channel().close();
    } catch (IOException e) {
      System.err.println("error while releasing the alerts folder: " + e);
    }
  }
}

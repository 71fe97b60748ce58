package org.transcriptsearch.index;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A real directory that fails the n-th time a chosen kind of call is made on it, once, and remembers whether it was
 * closed: a fault injected where Lucene really calls the disk, with Lucene's own code on both sides of it.
 */
final class FaultyDirectory extends FilterDirectory {
  /** The calls a fault can be injected into. */
  enum Call {
    OPEN_INPUT, CREATE_OUTPUT, SYNC, RENAME, CLOSE_INPUT, CLOSE
  }

  /** The failure injected, told apart from any failure of Lucene's own. */
  static final class InjectedFault extends IOException {
    private static final long serialVersionUID = 1L;

    InjectedFault(Call call, int n) {
      super("injected fault: call " + n + " of " + call);
    }
  }

  private final Map<Call, AtomicInteger> calls = new EnumMap<>(Call.class);
  private final Map<Call, Integer> failAt = new ConcurrentHashMap<>();
  private volatile boolean triggered;
  private volatile boolean closed;

  /** {@code in}, failing nothing until told to. */
  FaultyDirectory(Directory in) {
    super(in);
    for (Call call : Call.values()) {
      calls.put(call, new AtomicInteger());
    }
  }

  /** Fails the {@code n}-th (from 1) call of {@code call}. */
  FaultyDirectory failAt(Call call, int n) {
    failAt.put(call, n);
    return this;
  }

  /** Fails the next call of {@code call}. */
  FaultyDirectory failNext(Call call) {
    return failAt(call, calls.get(call).get() + 1);
  }

  /** Whether a fault was injected. */
  boolean triggered() {
    return triggered;
  }

  /** Whether {@link #close} was called (the wrapped directory is closed then, even when the fault is injected). */
  boolean closed() {
    return closed;
  }

  private void count(Call call) throws IOException {
    int n = calls.get(call).incrementAndGet();
    if (failAt.getOrDefault(call, 0) == n) {
      triggered = true;
      throw new InjectedFault(call, n);
    }
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    count(Call.OPEN_INPUT);
    return new CountedInput("faulty(" + name + ")", super.openInput(name, context), true);
  }

  /** An input whose close is counted: only the one opened, not its clones and slices, which Lucene never closes. */
  private final class CountedInput extends FilterIndexInput {
    private final boolean opened;

    CountedInput(String description, IndexInput in, boolean opened) {
      super(description, in);
      this.opened = opened;
    }

    @Override
    public void close() throws IOException {
      in.close();
      if (opened) {
        count(Call.CLOSE_INPUT); // after the real close: the failure is reported, the file is not left open
      }
    }

    @Override
    public IndexInput clone() {
      return new CountedInput(toString(), in.clone(), false); // its own position, as any clone
    }

    @Override
    public IndexInput slice(String description, long offset, long length) throws IOException {
      return new CountedInput(description, in.slice(description, offset, length), false);
    }
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    count(Call.CREATE_OUTPUT);
    return super.createOutput(name, context);
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    count(Call.SYNC);
    super.sync(names);
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    count(Call.RENAME);
    super.rename(source, dest);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    super.close();
    count(Call.CLOSE);
  }
}

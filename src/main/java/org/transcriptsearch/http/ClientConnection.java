package org.transcriptsearch.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Whether the client of a request is still connected, asked while the request works.
 *
 * <p>Jetty learns that an HTTP/1.1 client closed its socket only when it next reads from it, and it does not read
 * while a request without a body is being handled: a costly search whose client had gone worked on to its time
 * limit. So this reads the socket itself, without waiting: end of stream (or a reset) means the client has gone.
 * A client may also have sent its next request already (pipelining); those bytes are handed back to the connection,
 * which reads them once this answer is sent, and the socket is not read again for this request. A request whose body
 * is still arriving is never read here: the body belongs to its handler. Failures Jetty does report itself (an HTTP/2
 * stream reset, an idle timeout) count as gone too.
 */
final class ClientConnection implements BooleanSupplier {
  private static final int PROBE_BYTES = 512;

  private final HttpConnection http; // null: not HTTP/1.1, only Jetty's own failure reports are known
  private volatile boolean gone;
  private boolean probing;

  private ClientConnection(HttpConnection http) {
    this.http = http;
    this.probing = http != null;
  }

  /** The connection of the request {@code ctx} answers; never fails (a request it cannot inspect is never gone). */
  static ClientConnection of(Context ctx) {
    Request request;
    try {
      request = ServletContextRequest.getServletContextRequest(ctx.req());
    } catch (IllegalStateException e) { // not a request Jetty's servlet layer made: nothing to ask
      return new ClientConnection(null);
    }
    Connection connection = request.getConnectionMetaData().getConnection();
    ClientConnection client = new ClientConnection(connection instanceof HttpConnection h ? h : null);
    request.addFailureListener(failure -> client.gone = true);
    return client;
  }

  /** Whether the client has gone: it closed or reset the connection, or Jetty reported the request failed. */
  @Override
  public boolean getAsBoolean() {
    if (!gone) {
      probe();
    }
    return gone;
  }

  /** Whether the client was found gone (without asking again). */
  boolean gone() {
    return gone;
  }

  private synchronized void probe() {
    if (!probing || gone || !http.getParser().isComplete()) {
      return;
    }
    if (!http.isRequestBufferEmpty()) { // the next request arrived with this one: the client is there
      probing = false;
      return;
    }
    EndPoint endPoint = http.getEndPoint();
    ByteBuffer buffer = BufferUtil.allocate(PROBE_BYTES);
    int read;
    try {
      read = endPoint.isOpen() ? endPoint.fill(buffer) : -1;
    } catch (IOException e) {
      read = -1;
    }
    if (read < 0) {
      gone = true;
    } else if (read > 0) {
      probing = false;
      http.onUpgradeTo(buffer); // the client's next request, read when this one is answered
    }
  }
}

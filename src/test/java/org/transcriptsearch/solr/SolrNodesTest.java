package org.transcriptsearch.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.transcriptsearch.cli.CommandRun;
import org.transcriptsearch.search.BadRequestException;
import org.transcriptsearch.search.Deadline;
import org.transcriptsearch.search.Results.SolrNode;
import org.transcriptsearch.search.UnavailableException;

/**
 * The addresses {@code --solr} takes, and what a caller sees when no node of several answers: real connections to
 * ports nothing listens on, and to sockets that break an answer off. Failing over to a node that answers, on a real cluster: SolrCloudFaultTest.
 */
class SolrNodesTest {
  @Test
  void severalAddressesAreCommaSeparatedEachOnceWithoutTrailingSlash() {
    assertThat(SolrClients.checked(" http://127.0.0.1:8983/solr/ ,http://127.0.0.1:8984/solr,http://127.0.0.1:8983/solr"))
        .isEqualTo("http://127.0.0.1:8983/solr,http://127.0.0.1:8984/solr");
    assertThat(SolrClients.checked("https://solr-1.example.org/solr")).isEqualTo("https://solr-1.example.org/solr");
  }

  @Test
  void anAddressThatIsNotANodesIsRefusedByName() {
    assertThatThrownBy(() -> SolrClients.checked("http://127.0.0.1:8983/solr,ftp://solr-2/solr"))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("--solr must be the http:// or https:// address of a Solr node, such as http://127.0.0.1:8983/solr,"
            + " or several separated by commas, not 'ftp://solr-2/solr'");
    assertThatThrownBy(() -> SolrClients.checked("http://127.0.0.1:8983/solr,,http://127.0.0.1:8984/solr"))
        .isInstanceOf(BadRequestException.class).hasMessageEndingWith(", not ''");
  }

  @Test
  void noNodeAnsweringIsUnavailableNamingEveryAddress() throws IOException {
    String nodes = "http://127.0.0.1:" + freePort() + "/solr,http://127.0.0.1:" + freePort() + "/solr";
    try (SolrNodes client = SolrClients.forNodes(nodes, "transcripts")) {
      for (SolrCalls calls : List.of(
          new SolrCalls(client, client.shown(), "transcripts", Deadline.after(Duration.ofSeconds(10))),
          SolrCalls.tolerant(client, client.shown(), "transcripts", Deadline.after(Duration.ofSeconds(10))))) {
        assertThatThrownBy(() -> calls.count("*:*", List.of()))
            .isInstanceOf(UnavailableException.class)
            .hasMessage("no answer from Solr at " + nodes + " (connection refused)");
      }
    }
  }

  @Test
  void eachNodesStateSaysWhetherItAnswersAndWhetherRequestsSkipIt() throws IOException {
    String first = "http://127.0.0.1:" + freePort() + "/solr";
    String second = "http://127.0.0.1:" + freePort() + "/solr";
    try (SolrNodes client = SolrClients.forNodes(first + "," + second, "transcripts")) {
      assertThat(client.urls()).containsExactly(first, second);
      assertThat(client.states()).containsExactly(
          new SolrNode(first, false, false, "connection refused"),
          new SolrNode(second, false, false, "connection refused"));
      SolrCalls calls = new SolrCalls(client, client.shown(), "transcripts", Deadline.after(Duration.ofSeconds(10)));
      assertThatThrownBy(() -> calls.count("*:*", List.of())).isInstanceOf(UnavailableException.class);
      assertThat(client.states()).containsExactly(
          new SolrNode(first, false, true, "connection refused"),
          new SolrNode(second, false, true, "connection refused"));
    }
  }

  @Test
  void everyCommandTakesSeveralNodesAndNamesThemAllWhenNoneAnswers() throws IOException {
    String nodes = "http://127.0.0.1:" + freePort() + "/solr,http://127.0.0.1:" + freePort() + "/solr";
    for (List<String> command : List.of(List.of("search", "crimea"), List.of("speakers"), List.of("index"),
        List.of("serve", "--port", "0"), List.of("timeline", "crimea"), List.of("person", "lavrov"),
        List.of("check-quote", "crimea"), List.of("solr", "setup"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--solr", nodes, "--collection", "transcripts"));
      CommandRun run = CommandRun.run(args.toArray(String[]::new));
      assertThat(run.status()).as("%s", command).isEqualTo(1);
      assertThat(run.err()).as("%s", command).isEqualTo("error: no answer from Solr at " + nodes
          + " (connection refused)\n");
    }
  }

  @Test
  void severalNodesCanAlsoBeGivenByRepeatingSolr() throws IOException {
    String first = "http://127.0.0.1:" + freePort() + "/solr";
    String second = "http://127.0.0.1:" + freePort() + "/solr";
    String third = "http://127.0.0.1:" + freePort() + "/solr";
    for (List<String> command : List.of(List.of("search", "crimea"), List.of("solr", "setup"))) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--solr", first + "," + second, "--solr", third, "--collection", "transcripts"));
      CommandRun run = CommandRun.run(args.toArray(String[]::new));
      assertThat(run.err()).as("%s", command).isEqualTo("error: no answer from Solr at " + first + "," + second + ","
          + third + " (connection refused)\n");
    }
  }

  @Test
  void aReadWhoseAnswerBreaksOffGoesOnToTheNextNode() throws Exception {
    try (BreakingNode first = new BreakingNode("HTTP/1.1 200 OK\r\nContent-");
        BreakingNode second = new BreakingNode(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"responseHeader\":{");
        SolrNodes client = SolrClients.forNodes(first.url() + "," + second.url(), "transcripts")) {
      SolrCalls calls = new SolrCalls(client, client.shown(), "transcripts", Deadline.after(Duration.ofSeconds(10)));
      assertThatThrownBy(() -> calls.count("*:*", List.of())).isInstanceOf(UnavailableException.class)
          .hasMessageStartingWith("no answer from Solr at " + first.url() + "," + second.url() + " (");
      assertThat(first.asked.get()).as("the first node").isPositive();
      assertThat(second.asked.get()).as("the second node, after the first's answer broke off").isPositive();
      assertThat(client.states()).extracting(SolrNode::url, SolrNode::skipped)
          .containsExactly(tuple(first.url(), true), tuple(second.url(), true));
    }
  }

  /**
   * A live node whose answer breaks off once (a kept-alive connection closed as the request went out looks the same),
   * while the only other node refuses: the read asks it again, rather than give up a node that answers. Either node
   * first.
   */
  @Test
  void aLiveNodeWhoseAnswerBrokeOffIsAskedAgainWhenNoOtherAnswers() throws Exception {
    String refusing = "http://127.0.0.1:" + freePort() + "/solr";
    byte[] whole = countAnswer(42);
    try (BreakingNode live = new BreakingNode(n -> n == 1
        ? "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\n".getBytes(
            StandardCharsets.ISO_8859_1)
        : whole)) {
      for (String nodes : List.of(live.url() + "," + refusing, refusing + "," + live.url())) {
        live.asked.set(0);
        try (SolrNodes client = SolrClients.forNodes(nodes, "transcripts")) {
          SolrCalls calls = new SolrCalls(client, client.shown(), "transcripts", Deadline.after(Duration.ofSeconds(10)));
          assertThat(calls.count("*:*", List.of())).as(nodes).isEqualTo(42);
          assertThat(live.asked.get()).as(nodes).isEqualTo(2);
          assertThat(client.states()).extracting(SolrNode::url, SolrNode::skipped).as(nodes)
              .contains(tuple(live.url(), false), tuple(refusing, true));
        }
      }
    }
  }

  /** A whole answer of Solr's (JavaBin, as SolrJ asks) to a query of no rows that found {@code found} documents. */
  private static byte[] countAnswer(long found) throws IOException {
    var header = new org.apache.solr.common.util.SimpleOrderedMap<Object>();
    header.add("status", 0);
    header.add("QTime", 1);
    var documents = new org.apache.solr.common.SolrDocumentList();
    documents.setNumFound(found);
    documents.setNumFoundExact(true);
    var answer = new org.apache.solr.common.util.NamedList<Object>();
    answer.add("responseHeader", header);
    answer.add("response", documents);
    var body = new java.io.ByteArrayOutputStream();
    try (var codec = new org.apache.solr.common.util.JavaBinCodec()) {
      codec.marshal(answer, body);
    }
    var head = ("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        + body.size()
        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    var out = new java.io.ByteArrayOutputStream();
    out.write(head);
    body.writeTo(out);
    return out.toByteArray();
  }

  /**
   * A node that dies while it answers: it reads each request, sends the start of an answer and closes the connection.
   * Given whole answers, it answers as a live node does, a connection per request.
   */
  private static final class BreakingNode implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final java.util.function.IntFunction<byte[]> answers;
    final AtomicInteger asked = new AtomicInteger();
    private final Thread thread;

    BreakingNode(String start) throws IOException {
      this(n -> start.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Answers the request numbered {@code n} from 1 with {@code answers.apply(n)}, then closes the connection. */
    BreakingNode(java.util.function.IntFunction<byte[]> answers) throws IOException {
      this.answers = answers;
      this.thread = Thread.ofVirtual().start(this::serve);
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/solr";
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket connection = socket.accept()) {
          BufferedReader in = new BufferedReader(
              new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
          String line = in.readLine();
          long length = 0;
          boolean chunked = false;
          while (line != null && !line.isEmpty()) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
              length = Long.parseLong(line.substring(15).trim());
            } else if (line.regionMatches(true, 0, "transfer-encoding:", 0, 18)) {
              chunked = line.substring(18).trim().equalsIgnoreCase("chunked");
            }
            line = in.readLine();
          }
          // The request's body read whole (one char a byte in ISO-8859-1), as SolrJ sends a JSON query, in chunks:
          // closing on bytes unread, or still to come, resets the connection, and the client's request fails as it
          // goes out rather than on the answer.
          if (line == null || !readBody(in, chunked, length)) {
            continue; // a connection closed before its request was whole (a health probe given up)
          }
          int n = asked.incrementAndGet();
          OutputStream out = connection.getOutputStream();
          out.write(answers.apply(n));
          out.flush();
        } catch (IOException e) {
          // closed: the node is gone
        }
      }
    }

    /**
     * Reads a request's body: {@code length} bytes, or chunks up to the last (size 0) and its trailer. False when the
     * connection closed first.
     */
    private static boolean readBody(BufferedReader in, boolean chunked, long length) throws IOException {
      if (!chunked) {
        return skip(in, length);
      }
      for (String size = in.readLine(); size != null; size = in.readLine()) {
        int extension = size.indexOf(';');
        long bytes = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        if (bytes == 0) {
          for (String trailer = in.readLine(); trailer != null; trailer = in.readLine()) {
            if (trailer.isEmpty()) {
              return true;
            }
          }
          return false;
        }
        if (!skip(in, bytes) || in.readLine() == null) {
          return false;
        }
      }
      return false;
    }

    private static boolean skip(BufferedReader in, long bytes) throws IOException {
      for (long left = bytes; left > 0; left--) {
        if (in.read() < 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() throws Exception {
      socket.close();
      thread.join(5_000);
    }
  }

  /** A port nothing listens on once this returns. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

package io.jamboree.rpc.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JIP-3 connection to a telemetry server: events are numbered as they happen and queued (bounded) without ever
 * waiting; one thread connects, sends the node information message and then the queued events, each framed by its
 * length (u32 little-endian). When the queue is full an event is dropped; a gap in the numbering (dropped events, or a
 * new connection starting after events already numbered) is sent as one "dropped" event covering the missing IDs,
 * which keeps every later event's ID equal to its position on the connection. A broken connection is re-opened with
 * exponential backoff.
 */
final class TelemetryClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryClient.class);

    private record Event(long id, long timestamp, byte[] content) {}

    private final InetSocketAddress server;
    private final Supplier<byte[]> nodeInfo;
    private final ArrayBlockingQueue<Event> queue;
    private final long minBackoffMillis;
    private final long maxBackoffMillis;
    private final Thread sender;
    private long nextId;
    private long droppedSince = -1;
    private volatile boolean closed;
    private volatile Socket socket;
    private volatile long connections;

    /**
     * @param nodeInfo the node information message, asked for at each (re)connection
     */
    TelemetryClient(InetSocketAddress server, Supplier<byte[]> nodeInfo, int queueSize, long minBackoffMillis,
            long maxBackoffMillis) {
        this.server = server;
        this.nodeInfo = nodeInfo;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.minBackoffMillis = minBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.sender = new Thread(this::run, "jam-telemetry");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Numbers and queues an event built from its own ID (events refer to earlier ones by ID); never waits.
     *
     * @return the event's ID
     */
    synchronized long emit(java.util.function.LongFunction<byte[]> event) {
        long id = nextId++;
        byte[] content = event.apply(id);
        long ts = readTimestamp(content);
        if (!queue.offer(new Event(id, ts, content))) {
            if (droppedSince < 0) {
                droppedSince = id;
                LOG.debug("telemetry queue full: dropping events from ID {}", id);
            }
        } else {
            droppedSince = -1;
        }
        return id;
    }

    /** How many times a connection was opened. */
    long connections() {
        return connections;
    }

    private void run() {
        long backoff = minBackoffMillis;
        while (!closed) {
            try (Socket s = new Socket()) {
                s.connect(server, 5000);
                s.setTcpNoDelay(true);
                socket = s;
                connections++;
                LOG.info("JIP-3 telemetry connected to {}", server);
                backoff = minBackoffMillis;
                watchForClose(s);
                OutputStream out = new BufferedOutputStream(s.getOutputStream());
                frame(out, nodeInfo.get());
                out.flush();
                long expected = 0;
                long lastTs = TelemetryMessages.now();
                while (!closed) {
                    if (s.isClosed()) {
                        throw new IOException("the server closed the connection");
                    }
                    Event e = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (e == null) {
                        out.flush();
                        continue;
                    }
                    if (e.id() > expected) {
                        frame(out, TelemetryMessages.dropped(lastTs, e.timestamp(), e.id() - expected));
                    }
                    frame(out, e.content());
                    expected = e.id() + 1;
                    lastTs = e.timestamp();
                    if (queue.isEmpty()) {
                        out.flush();
                    }
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.info("JIP-3 telemetry: {} unreachable ({}); retrying in {} ms", server, e.getMessage(), backoff);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                socket = null;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(maxBackoffMillis, backoff * 2);
        }
    }

    /** The server sends nothing: reading shows when it closes the connection, which is then closed here too. */
    private static void watchForClose(Socket s) {
        Thread t = new Thread(() -> {
            try {
                while (s.getInputStream().read() >= 0) {
                    // ignore anything the server sends
                }
            } catch (IOException e) {
                // closed
            }
            try {
                s.close();
            } catch (IOException e) {
                // closed anyway
            }
        }, "jam-telemetry-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void frame(OutputStream out, byte[] content) throws IOException {
        int n = content.length;
        out.write(new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16), (byte) (n >>> 24)});
        out.write(content);
    }

    private static long readTimestamp(byte[] content) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (content[i] & 0xFF);
        }
        return v;
    }

    @Override
    public void close() {
        closed = true;
        sender.interrupt();
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}

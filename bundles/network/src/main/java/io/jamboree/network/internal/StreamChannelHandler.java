package io.jamboree.network.internal;

import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.StreamException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The inbound side of one QUIC stream (JAMNP-S "Protocols and streams", "Messages"), on the event loop: the kind
 * octet of a stream the peer opened, then messages of a u32 little-endian size and content, each copied straight
 * into its own array. Refuses, with a reset and a violation counted against the peer: an unknown kind, a size above
 * the kind's maximum, a {@code FIN} inside a message, a message left half-sent for longer than the stream timeout.
 */
final class StreamChannelHandler extends ChannelInboundHandlerAdapter {
    private final JamnpNetwork net;
    private final PeerConnection conn;
    /** Octets first allocated for a message's content; the array grows by doubling up to the announced size. */
    private static final int FIRST_CHUNK = 64 << 10;

    private QuicStream stream; // null until the kind octet of an incoming stream came
    private boolean dead;      // after a violation: discard input

    // message decoding state
    private int headerRead;
    private int length;
    private byte[] body;
    private int bodyRead;
    private long progress;
    private ScheduledFuture<?> stallTimer;

    /** For an incoming stream: the kind comes first. */
    StreamChannelHandler(JamnpNetwork net, PeerConnection conn) {
        this.net = net;
        this.conn = conn;
    }

    /** Binds the stream once known (a local stream at creation, an incoming one after its kind octet). */
    void bind(QuicStream s) {
        this.stream = s;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof ByteBuf buf) {
                read(ctx, buf);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void read(ChannelHandlerContext ctx, ByteBuf buf) {
        QuicStreamChannel ch = (QuicStreamChannel) ctx.channel();
        while (buf.isReadable() && !dead) {
            if (stream == null) {
                int kind = buf.readUnsignedByte();
                QuicStream s = net.acceptStream(conn, ch, kind, this);
                if (s == null) { // refused (and reset) by the network
                    dead = true;
                    return;
                }
                stream = s;
                continue;
            }
            if (stream.failed()) {
                buf.skipBytes(buf.readableBytes());
                return;
            }
            progress++;
            if (headerRead < 4) {
                length |= buf.readUnsignedByte() << (8 * headerRead);
                headerRead++;
                if (headerRead == 4) {
                    long len = length & 0xffff_ffffL;
                    if (len > stream.maxMessage()) {
                        violation("message of " + len + " octets exceeds the maximum " + stream.maxMessage());
                        return;
                    }
                    // grown as the content arrives: a peer that announces much and sends little holds little
                    body = new byte[(int) Math.min(len, FIRST_CHUNK)];
                    bodyRead = 0;
                    if (len == 0) {
                        complete();
                    }
                }
                continue;
            }
            int total = length;
            int n = Math.min(buf.readableBytes(), total - bodyRead);
            if (bodyRead + n > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(total, Math.max((long) body.length * 2, bodyRead + n)));
            }
            buf.readBytes(body, bodyRead, n);
            bodyRead += n;
            if (bodyRead == total) {
                complete();
            }
        }
        if (stream != null) {
            stream.partial(!dead && midMessage());
        }
        if (!dead && midMessage()) {
            armStallTimer(ctx);
        }
    }

    private void complete() {
        byte[] m = body;
        body = null;
        headerRead = 0;
        length = 0;
        bodyRead = 0;
        stream.deliver(m);
    }

    private boolean midMessage() {
        return headerRead > 0;
    }

    private void armStallTimer(ChannelHandlerContext ctx) {
        if (stallTimer != null) {
            return;
        }
        long seen = progress;
        stallTimer = ctx.executor().schedule(() -> {
            stallTimer = null;
            if (dead || !midMessage() || stream.failed()) {
                return;
            }
            if (progress == seen) {
                violation("stalled in the middle of a message for " + net.settings().streamTimeoutMs() + " ms ("
                        + (headerRead < 4 ? headerRead + " of 4 size octets" : bodyRead + " of " + length + " octets") + ")");
            } else {
                armStallTimer(ctx);
            }
        }, net.settings().streamTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    private void violation(String reason) {
        dead = true;
        body = null;
        cancelTimer();
        net.violation(conn, stream, reason);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownReadComplete) {
            if (stream == null) {
                ctx.close(); // FIN before the kind octet: nothing to serve
            } else if (!dead && midMessage()) {
                violation("FIN in the middle of a message");
            } else if (!dead) {
                cancelTimer();
                stream.remoteFin();
            }
        }
        ReferenceCountUtil.release(evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (stream != null) {
            stream.signalWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimer();
        if (stream != null) {
            stream.fail(new StreamException(stream + ": closed"));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (stream != null) {
            stream.fail(new StreamException(stream + ": " + cause, cause));
        }
        JamnpNetwork.LOG.debug("stream error with {}: {}", conn.label(), cause.toString());
        ctx.close();
    }

    private void cancelTimer() {
        if (stallTimer != null) {
            stallTimer.cancel(false);
            stallTimer = null;
        }
    }

    /** A violation as a stream failure. */
    static StreamException violationError(QuicStream s, String reason) {
        return new ProtocolViolationException((s == null ? "stream" : s.toString()) + ": " + reason);
    }
}

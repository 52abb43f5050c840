package io.jamboree.network.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.quic.BoringSSLContextOption;
import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.ssl.ClientAuth;
import java.util.concurrent.TimeUnit;

/**
 * The QUIC and TLS settings of a JAMNP-S endpoint (JAMNP-S "Encryption and handshake", "ALPN"): TLS 1.3 contexts
 * that present the node's certificate for any key type asked and sign with Ed25519 only (BoringSSL's default list
 * has no Ed25519), require the peer's certificate and check it with {@link PeerTrustManager}; transport limits;
 * UDP sockets with receive buffers for full-size datagrams, on Linux epoll with GSO/GRO when available
 * ({@link NativeTransport}), else Java NIO.
 */
final class QuicSetup {
    /** Stream output buffered before a writer waits (low, high). */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 << 10, 1 << 20);

    private static final String[] ED25519_ONLY = {"ed25519"};

    private QuicSetup() {}

    /** The server side: the ALPN and its {@code /builder} variant accepted, the client's certificate required. */
    static QuicSslContext serverSsl(NodeCertificate identity, String alpn) {
        return QuicSslContextBuilder.forServer(new NodeKeyManager(identity), null)
                .trustManager(new PeerTrustManager())
                .clientAuth(ClientAuth.REQUIRE)
                .applicationProtocols(alpn, alpn + "/builder")
                .option(BoringSSLContextOption.SIGNATURE_ALGORITHMS, ED25519_ONLY)
                .earlyData(false)
                .build();
    }

    /** The client side: offers {@code alpn} only. */
    static QuicSslContext clientSsl(NodeCertificate identity, String alpn) {
        return QuicSslContextBuilder.forClient()
                .keyManager(new NodeKeyManager(identity), null)
                .trustManager(new PeerTrustManager())
                .applicationProtocols(alpn)
                .option(BoringSSLContextOption.SIGNATURE_ALGORITHMS, ED25519_ONLY)
                .earlyData(false)
                .build();
    }

    /** Seconds without a packet from the peer after which a connection is dropped (a dead peer's, mostly). */
    static final long IDLE_TIMEOUT_S = 30;

    /**
     * Transport limits: {@value #IDLE_TIMEOUT_S} s idle, 64 MiB per connection and 16 MiB per stream in flight, 1024
     * streams; QUIC DATAGRAM frames (RFC 9221) enabled for keep-alives between peers that both offer them.
     */
    static <B extends QuicCodecBuilder<B>> B transport(B b) {
        return b.maxIdleTimeout(IDLE_TIMEOUT_S, TimeUnit.SECONDS)
                .datagram(16, 16)
                .initialMaxData(64L << 20)
                .initialMaxStreamDataBidirectionalLocal(16L << 20)
                .initialMaxStreamDataBidirectionalRemote(16L << 20)
                .initialMaxStreamsBidirectional(1024)
                .initialMaxStreamsUnidirectional(0)
                .maxRecvUdpPayloadSize(65_527)
                .activeMigration(false);
    }

    /**
     * A UDP socket carrying {@code codec}, reading whole datagrams of up to 64 KiB (with {@code epoll}: GRO-coalesced
     * ones, {@link NativeTransport}).
     */
    static Bootstrap datagram(EventLoopGroup group, ChannelHandler codec, boolean epoll) {
        Bootstrap b = new Bootstrap().group(group);
        if (epoll) {
            NativeTransport.datagram(b);
        } else {
            b.channel(NioDatagramChannel.class);
        }
        return b.option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
                .handler(codec);
    }
}

package io.jamboree.network.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.handler.codec.quic.EpollQuicUtils;
import io.netty.handler.codec.quic.QuicChannelOption;
import io.netty.handler.codec.quic.SegmentedDatagramPacketAllocator;

/**
 * Linux epoll for the UDP sockets (Netty's native transport, bundle {@code netty-transport-native-epoll}), with UDP
 * generic segmentation offload: QUIC packets of one flush leave in one {@code sendmsg} of up to
 * {@value #GSO_SEGMENTS} segments, and GRO hands coalesced datagrams up in one read. The epoll package is an
 * optional import: {@link #available} answers false, and the network uses Java NIO, when the classes or the native
 * library are missing (not Linux, another CPU, a distribution without them). Only {@link #available} may be called
 * without epoll present; the other methods run only after it answered true.
 */
final class NativeTransport {
    /** Segments per GSO send. */
    static final int GSO_SEGMENTS = 16;

    private static volatile String unavailability;

    private NativeTransport() {}

    /** Whether epoll with GSO can be used here. */
    static boolean available() {
        try {
            if (Epoll.isAvailable()) {
                return true;
            }
            unavailability = String.valueOf(Epoll.unavailabilityCause());
        } catch (LinkageError e) { // the optional epoll package is not wired: no bundle, or its native code failed
            unavailability = e.toString();
        }
        return false;
    }

    /** Why {@link #available} said no (for the log). */
    static String unavailability() {
        return unavailability;
    }

    static IoHandlerFactory ioHandler() {
        return EpollIoHandler.newFactory();
    }

    /** An epoll UDP socket with GRO. */
    static Bootstrap datagram(Bootstrap b) {
        return b.channel(EpollDatagramChannel.class).option(EpollChannelOption.UDP_GRO, true);
    }

    /** For {@link QuicChannelOption#SEGMENTED_DATAGRAM_PACKET_ALLOCATOR}: QUIC packets leave in GSO batches. */
    static SegmentedDatagramPacketAllocator gso() {
        return EpollQuicUtils.newSegmentedAllocator(GSO_SEGMENTS);
    }
}

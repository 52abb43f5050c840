# network: the author feature plus JAMNP-S over QUIC (Netty's QUIC codec, BoringSSL/quiche native code for
# linux-x86_64, Bouncy Castle PKIX for the node certificate) and the io.jamboree.network.Network service
# (configured by PID io.jamboree.network), and GRANDPA finality (jam-grandpa, configured by PID io.jamboree.grandpa).
# The QUIC native file is a fragment of io.netty.codec-classes-quic: it is listed before its host, by its
# file name bundles/netty-codec-native-quic-linux-x86_64.jar (artifactId-classifier). Likewise the epoll native
# file, a fragment of io.netty.transport-classes-epoll: Linux epoll with UDP GSO/GRO for the QUIC sockets (the
# network falls back to Java NIO when it cannot load).
include author
org.bouncycastle:bcutil-jdk18on
org.bouncycastle:bcpkix-jdk18on
io.netty:netty-common
io.netty:netty-buffer
io.netty:netty-resolver
io.netty:netty-transport
io.netty:netty-transport-native-unix-common
io.netty:netty-codec-base
io.netty:netty-handler
io.netty:netty-transport-native-epoll-linux-x86_64
io.netty:netty-transport-classes-epoll
io.netty:netty-codec-native-quic-linux-x86_64
io.netty:netty-codec-classes-quic
io.jamboree:jam-network
io.jamboree:jam-grandpa

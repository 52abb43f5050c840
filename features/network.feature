# network: the author feature plus JAMNP-S over QUIC (Netty's QUIC codec, BoringSSL/quiche native code for
# linux-x86_64, Bouncy Castle PKIX for the node certificate) and the io.jamboree.network.Network service
# (configured by PID io.jamboree.network), and GRANDPA finality (jam-grandpa, configured by PID io.jamboree.grandpa;
# it reads the auditors' verdicts of jam-auditor for the best chain).
# The QUIC native file is a fragment of io.netty.codec-classes-quic: it is listed before its host, by its
# file name bundles/netty-codec-native-quic-linux-x86_64.jar (artifactId-classifier).
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
io.netty:netty-codec-native-quic-linux-x86_64
io.netty:netty-codec-classes-quic
io.jamboree:jam-network
io.jamboree:jam-auditor
io.jamboree:jam-grandpa

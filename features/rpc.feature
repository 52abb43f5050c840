# rpc: core plus Netty and the node's RPC bundle: the jam rpc client; the author feature includes it, where
# the JIP-2 server, the metrics endpoint and JIP-3 telemetry run when jam run configures them.
include core
io.netty:netty-common
io.netty:netty-buffer
io.netty:netty-resolver
io.netty:netty-transport
io.netty:netty-transport-native-unix-common
io.netty:netty-codec-base
io.netty:netty-codec-compression
io.netty:netty-codec-http
io.netty:netty-handler
io.jamboree:jam-rpc

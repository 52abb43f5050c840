# rpc: the node's RPC bundle with what it needs to resolve: the core feature (jam-rpc reads the typed state of
# jam-stf, io.jamboree.stf.state) and Netty: the jam rpc client boots only this. The author feature includes it
# too, where the JIP-2 server, the metrics endpoint and JIP-3 telemetry run when jam run configures them.
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

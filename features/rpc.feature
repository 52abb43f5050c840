# rpc: the node's RPC bundle with what it needs to resolve (Netty, Jackson, jam-core, jam-merkle): the jam rpc
# client, which boots only this. The author feature includes it too, where the JIP-2 server, the metrics endpoint
# and JIP-3 telemetry run when jam run configures them.
org.osgi:org.osgi.util.function
org.osgi:org.osgi.util.promise
org.osgi:org.osgi.service.component
org.apache.felix:org.apache.felix.scr
org.apache.felix:org.apache.felix.configadmin
org.apache.felix:org.apache.felix.fileinstall
org.bouncycastle:bcprov-jdk18on
com.fasterxml.jackson.core:jackson-core
com.fasterxml.jackson.core:jackson-annotations
com.fasterxml.jackson.core:jackson-databind
io.jamboree:jam-core
io.jamboree:jam-merkle
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

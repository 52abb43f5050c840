# node: the author feature plus the JAMNP-S network and block sync (jam run). The network starts only when jam run
# is given a network option (--port, --listen, --bootnode).
include author
include network
io.jamboree:jam-sync

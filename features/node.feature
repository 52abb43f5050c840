# node: the author feature plus the JAMNP-S network and block sync (jam run). The network starts only when jam run
# is given a network option (--port, --listen, --bootnode). jam-guarantor: the work-report computation Ξ, core
# assignment and guarantee signatures (issue 16; not yet driven by a network submission).
include author
include network
io.jamboree:jam-sync
io.jamboree:jam-guarantor

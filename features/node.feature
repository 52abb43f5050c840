# node: the author feature plus the JAMNP-S network and block sync (jam run). The network starts only when jam run
# is given a network option (--port, --listen, --bootnode). jam-guarantor: the work-report computation Ξ, core
# assignment and guarantee signatures. jam-availability: shards, assurances (GP §14, §11.2). jam-auditor: audits and
# disputes (GP §17, §10).
include author
include network
io.jamboree:jam-sync
io.jamboree:jam-guarantor
io.jamboree:jam-availability
io.jamboree:jam-auditor

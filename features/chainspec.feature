# chainspec: core plus what a JIP-4 chain spec needs: the typed state of the STF (in core) and the JIP-5 dev keys
# (jam gen-spec).
include core
io.jamboree:jam-keystore
io.jamboree:jam-sample-service
io.jamboree:jam-chainspec

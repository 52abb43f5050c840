# importer: core plus the node store (memory and LMDB), the block importer (jam import), the keystore
# and chain specs.
include core
io.jamboree:jam-store-api
io.jamboree:jam-store-memory
io.jamboree:jam-store-lmdb
io.jamboree:jam-importer
io.jamboree:jam-keystore
io.jamboree:jam-sample-service
io.jamboree:jam-chainspec

# importer: core plus the node store (memory and LMDB), the block importer (jam import) and the keystore (jam key).
include core
io.jamboree:jam-store-api
io.jamboree:jam-store-memory
io.jamboree:jam-store-lmdb
io.jamboree:jam-importer
io.jamboree:jam-keystore

# importer: core plus the node store (memory and LMDB) and the block importer (jam import).
include core
io.jamboree:jam-store-api
io.jamboree:jam-store-memory
io.jamboree:jam-store-lmdb
io.jamboree:jam-importer

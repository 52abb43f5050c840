# keystore: core plus the validator keystore (jam key).
include core
io.jamboree:jam-keystore

# author: the importer feature plus chain specs and the Safrole block author (jam run, jam export).
include importer
io.jamboree:jam-sample-service
io.jamboree:jam-chainspec
io.jamboree:jam-author
include rpc

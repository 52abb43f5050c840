# author: the importer feature plus the Safrole block author (jam run, jam export).
include importer
io.jamboree:jam-author

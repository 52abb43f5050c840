# fuzz-target: the importer plus the conformance fuzzer's target (jam fuzz-target).
include importer
io.jamboree:jam-fuzz-target

# sample: core plus the sample third-party plugin (plugins-sample/).
include core
io.jamboree:jam-plugin-sample

# core: the OSGi platform services and Jamboree's protocol layer.
# One bundle per line as groupId:artifactId (shipped as bundles/artifactId.jar), in start order;
# "include NAME" pulls in another feature. Read by bin/jam, the distribution build and the
# Pax Exam conformance suite, so all three run the same bundle set.
org.osgi:org.osgi.util.function
org.osgi:org.osgi.util.promise
org.osgi:org.osgi.service.component
org.apache.felix:org.apache.felix.scr
org.apache.felix:org.apache.felix.configadmin
org.apache.felix:org.apache.felix.fileinstall
org.bouncycastle:bcprov-jdk18on
com.fasterxml.jackson.core:jackson-core
com.fasterxml.jackson.core:jackson-annotations
com.fasterxml.jackson.core:jackson-databind
io.jamboree:jam-core
io.jamboree:jam-merkle
io.jamboree:jam-erasure
io.jamboree:jam-bls
io.jamboree:jam-crypto
io.jamboree:jam-pvm-api
io.jamboree:jam-pvm-interpreter
io.jamboree:jam-pvm-recompiler
io.jamboree:jam-stf
io.jamboree:jam-accumulate
io.jamboree:jam-vectors

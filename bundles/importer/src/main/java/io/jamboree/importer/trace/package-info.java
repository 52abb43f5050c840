/**
 * Block-import traces (jam-test-vectors {@code traces/schema.asn}): the records {@link io.jamboree.importer.trace.TraceStep},
 * {@link io.jamboree.importer.trace.Genesis} and {@link io.jamboree.importer.trace.RawState} with their binary codec
 * (GP Appendix C), and the {@link io.jamboree.importer.trace.TraceReader} service reading trace files.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.importer.trace;

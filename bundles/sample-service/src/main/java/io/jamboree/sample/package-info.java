/**
 * The sample service and accepting authorizer of the dev genesis: {@link io.jamboree.sample.SampleService} gives
 * their fixed service id, code preimages and hashes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.jamboree.sample;

/**
 * The contract between the {@code jam} launcher and the bundles it starts. The launcher exports this
 * package through the OSGi system bundle, so a bundle imports it like any other package and
 * registers {@link io.jamboree.runtime.spi.JamCommand} services that the command line invokes.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package io.jamboree.runtime.spi;

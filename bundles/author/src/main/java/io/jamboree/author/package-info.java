/**
 * Safrole block authoring (GP 0.7.2 §6): the {@link io.jamboree.author.Author} service authors this node's slots
 * (ticket- or fallback-sealed blocks, GP §6.4–6.7) and imports them through the normal import path; bundles observe
 * authored blocks by registering {@link io.jamboree.author.AuthorListener} services (whiteboard pattern).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.3.0")
package io.jamboree.author;

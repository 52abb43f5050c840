/**
 * The JAM Simple Networking Protocol (JAMNP-S, {@code spec/jamnp-s.md}) over QUIC: peers identified by their
 * Ed25519 keys ({@link io.jamboree.network.PeerId}), and streams of a kind ({@link io.jamboree.network.StreamKind}:
 * UP below 128, CE from 128) carrying length-prefixed messages ({@link io.jamboree.network.Stream}).
 *
 * <p>The {@link io.jamboree.network.Network} service is the node's endpoint. Protocols plug in as whiteboard
 * services: a {@link io.jamboree.network.StreamHandler} registered with the service property
 * {@value io.jamboree.network.StreamHandler#KIND} is called for every stream of that kind, and a
 * {@link io.jamboree.network.PeerListener} hears of peers connecting and leaving.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.jamboree.network;

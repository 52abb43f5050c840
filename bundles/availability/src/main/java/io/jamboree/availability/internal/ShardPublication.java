package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.AvailabilityChunks;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.ErasureCodingException;
import io.jamboree.merkle.ConstantDepthMerkle;
import io.jamboree.merkle.HashFunction;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Hash;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guarantor's side of availability (GP 0.7.2 §14.4.1, eq. 14.17): a guaranteed package's bundle and exports are
 * erasure-coded, checked against its availability specifier (erasure root, segment root) and kept, all shards in one
 * write, for the assurers (CE 137) and auditors (CE 147, CE 148). Thread-safe.
 */
public final class ShardPublication {
    private static final Logger LOG = LoggerFactory.getLogger(ShardPublication.class);
    private static final HashFunction H = HashFunction.BLAKE2B_256;

    private final ChainParams params;
    private final AvailabilitySpecifier specifier;
    private final AvailabilityStore store;
    private final LongSupplier slot;

    ShardPublication(ChainParams params, AvailabilitySpecifier specifier, AvailabilityStore store, LongSupplier slot) {
        this.params = Objects.requireNonNull(params);
        this.specifier = Objects.requireNonNull(specifier);
        this.store = Objects.requireNonNull(store);
        this.slot = Objects.requireNonNull(slot);
    }

    public void publish(AvailabilitySpec spec, byte[] bundle, List<byte[]> exports) throws AvailabilityException {
        if (bundle.length != spec.length()) {
            throw new AvailabilityException("bundle of " + bundle.length + " octets, the spec says " + spec.length());
        }
        if (exports.size() != spec.exportsCount()) {
            throw new AvailabilityException(exports.size() + " exported segments, the spec says "
                    + spec.exportsCount());
        }
        AvailabilityChunks c;
        try {
            c = specifier.chunks(params, bundle, exports);
        } catch (ErasureCodingException e) {
            throw new AvailabilityException("cannot erasure-code package " + spec.hash() + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(c.erasureRoot(), spec.erasureRoot().bytes())) {
            throw new AvailabilityException("the chunks of package " + spec.hash() + " give erasure root "
                    + new Hash(c.erasureRoot()) + ", not the spec's " + spec.erasureRoot());
        }
        if (!exports.isEmpty() && !Arrays.equals(ConstantDepthMerkle.root(exports, H), spec.exportsRoot().bytes())) {
            throw new AvailabilityException("the exports of package " + spec.hash() + " do not give segment root "
                    + spec.exportsRoot());
        }
        Hash root = spec.erasureRoot();
        Justification[] js = Justification.traces(c.leaves(), 1);
        store.putPublished(root, bundle, c.bundleChunks(), js, c.segmentShards(), spec.exportsRoot(), exports,
                new AvailabilityStore.Record(root, spec.exportsRoot(), slot.getAsLong(), Retention.Phase.PUBLISHED, 0,
                        0));
        LOG.info("availability: published package {} ({} octets, {} exports), erasure root {}", spec.hash(),
                bundle.length, exports.size(), root);
    }
}

package io.jamboree.availability.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.erasure.internal.AdditiveFftErasureCoding;
import io.jamboree.erasure.internal.ChunkingAvailabilitySpecifier;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test bundles: an encoded work package followed by random octets (standing for extrinsics and imports). */
final class TestPackages {
    static final ChainParams TINY = ChainParams.tiny();
    static final AvailabilitySpecifier SPECIFIER = new ChunkingAvailabilitySpecifier(new AdditiveFftErasureCoding());

    private TestPackages() {}

    /** A package bundle of at least {@code size} octets and its hash (the hash of the package's encoding). */
    record Bundle(byte[] bundle, Hash packageHash, List<byte[]> exports, AvailabilitySpec spec) {}

    static Bundle bundle(ChainParams p, int size, int exports, long seed) {
        Random r = new Random(seed);
        byte[] payload = new byte[32];
        r.nextBytes(payload);
        RefineContext ctx = new RefineContext(hash(r), hash(r), hash(r), hash(r), 7, List.of());
        WorkItem item = new WorkItem(42, hash(r), 1000, 1000, exports, new Blob(payload), List.of(), List.of());
        WorkPackage pkg = new WorkPackage(42, hash(r), ctx, new Blob(new byte[0]), new Blob(new byte[0]),
                List.of(item));
        Encoder e = new Encoder(size);
        pkg.encode(e, p);
        byte[] encoded = e.toByteArray();
        byte[] bundle = new byte[Math.max(size, encoded.length)];
        r.nextBytes(bundle);
        System.arraycopy(encoded, 0, bundle, 0, encoded.length);
        List<byte[]> segs = new ArrayList<>();
        for (int i = 0; i < exports; i++) {
            byte[] s = new byte[p.segmentSize()];
            r.nextBytes(s);
            segs.add(s);
        }
        Hash h = new Hash(Blake2b256.hash(encoded));
        return new Bundle(bundle, h, segs, SPECIFIER.spec(p, h, bundle, segs));
    }

    static Hash hash(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return new Hash(b);
    }
}

package io.jamboree.sample;

import io.jamboree.core.hash.Blake2b256;
import io.jamboree.sample.internal.AcceptingAuthorizerProgram;
import io.jamboree.sample.internal.SampleServiceProgram;
import io.jamboree.types.Hash;

/**
 * The sample service of the dev genesis (issue 16): a service account under the fixed id {@link #ID} whose refine
 * returns the Blake2b-256 hash of the work item's data and whose accumulate writes each such result into its
 * storage under the key H(payload). The data is the payload, or the item's first imported segment when it imports
 * (import mode); an item with an export count {@code e} exports its data, zero-padded to a segment, {@code e} times
 * (export mode); together with an authorizer whose Is-Authorized code accepts every package
 * (GP Appendix B.2). Both code preimages are kept by the service itself, so a work package names
 * {@code authCodeHost = ID}, {@code authCodeHash = }{@link #authorizerCodeHash()} and an empty configuration,
 * whose authorizer hash {@link #authorizerHash()} = H(u ⌢ f) (GP §8.1) fills the dev genesis pools α and queues φ.
 *
 * <p>Constants and preimages only; the PVM programs are assembled on first use and cached.
 */
public final class SampleService {
    /** The service id of the sample service in the dev genesis. */
    public static final long ID = 1;

    private static final byte[] CODE = SampleServiceProgram.preimage();
    private static final byte[] AUTHORIZER = AcceptingAuthorizerProgram.preimage();

    private SampleService() {}

    /** The service code preimage {@code E(↕m, c)} (GP §9.1; refine at instruction 0, accumulate at 5). */
    public static byte[] codePreimage() {
        return CODE.clone();
    }

    /** c of the service account: H(code preimage). */
    public static Hash codeHash() {
        return new Hash(Blake2b256.hash(CODE));
    }

    /** The accepting authorizer's code preimage {@code E(↕m, c)}. */
    public static byte[] authorizerPreimage() {
        return AUTHORIZER.clone();
    }

    /** u of a work package using the accepting authorizer: H(authorizer preimage). */
    public static Hash authorizerCodeHash() {
        return new Hash(Blake2b256.hash(AUTHORIZER));
    }

    /** The authorizer hash H(u ⌢ f) with an empty configuration f (GP §8.1), as kept in α and φ. */
    public static Hash authorizerHash() {
        return new Hash(Blake2b256.hash(Blake2b256.hash(AUTHORIZER)));
    }
}

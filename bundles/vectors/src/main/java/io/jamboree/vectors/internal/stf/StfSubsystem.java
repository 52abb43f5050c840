package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import java.util.List;

/**
 * The GP-specific part of one STF subsystem's test vectors ({@code stf/SUBSYSTEM/*.bin}, schema
 * {@code SUBSYSTEM.asn}: input, pre-state, output, post-state): how a case decodes, how the transition runs,
 * and how a state splits into named fields. {@link StfCheck} does the rest, the same for every subsystem.
 *
 * @param <T> the decoded test case
 */
public interface StfSubsystem<T> {

    /** What the transition produced: its output encoded as the vector encodes it (null where the ASN output is
     *  NULL), a short description for reports, and the posterior state's fields (see {@link #fieldNames}). */
    record Outcome(byte[] output, String result, byte[][] postFields) {}

    /** Decodes a whole binary test case; throws on malformed or trailing input. */
    T decode(byte[] bin, ChainParams p);

    /** The state field names, in the order of {@link #fields}; the difference reports use them. */
    List<String> fieldNames(ChainParams p);

    /** The expected output's encoding, or null where the ASN output is NULL. */
    byte[] expectedOutput(T tc);

    /** Each field of the test case's prior state, encoded on its own. */
    byte[][] preFields(T tc, ChainParams p);

    /** Each field of the test case's expected posterior state, encoded on its own. */
    byte[][] postFields(T tc, ChainParams p);

    /** Runs the transition on the prior state; on an error output the posterior state is the prior one. */
    Outcome apply(T tc, ChainParams p);
}

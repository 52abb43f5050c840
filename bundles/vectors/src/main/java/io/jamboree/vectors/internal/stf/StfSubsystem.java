package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import java.util.Arrays;
import java.util.List;

/**
 * The GP-specific part of one STF subsystem's test vectors ({@code stf/SUBSYSTEM/*.bin}, schema
 * {@code SUBSYSTEM.asn}: input, pre-state, output, post-state): how the input, a state and the output decode,
 * how the transition runs, and how a state splits into named fields. The decoding of a whole case
 * ({@link #decode}) and the check ({@link StfCheck}) are the same for every subsystem.
 *
 * @param <I> the transition's input
 * @param <S> the subsystem's state
 */
public interface StfSubsystem<I, S> {

    /** A decoded test case; the expected output is kept as its encoding (null where the ASN output is NULL). */
    record TestCase<I, S>(I input, S preState, byte[] output, S postState) {}

    /** What the transition produced: its output as the vector encodes it (null where the ASN output is NULL), a
     *  short description for reports, and the posterior state (the prior one on an error output). */
    record Outcome<S>(byte[] output, String result, S postState) {}

    I decodeInput(Decoder d, ChainParams p);

    S decodeState(Decoder d, ChainParams p);

    /** Reads and validates the expected output; returns false, reading nothing, where the ASN output is NULL. */
    boolean skipOutput(Decoder d, ChainParams p);

    /** The state field names, in the order of {@link #fields}; the difference reports use them. */
    List<String> fieldNames(ChainParams p);

    /** Each field of {@code state}, encoded on its own (GP Appendix C). */
    byte[][] fields(S state, ChainParams p);

    /** Runs the transition on {@code pre}. */
    Outcome<S> apply(I input, S pre, ChainParams p);

    /** Decodes a whole binary test case; throws on malformed or trailing input. */
    default TestCase<I, S> decode(byte[] bin, ChainParams p) {
        Decoder d = new Decoder(bin);
        I in = decodeInput(d, p);
        S pre = decodeState(d, p);
        int from = d.position();
        byte[] out = skipOutput(d, p) ? Arrays.copyOfRange(bin, from, d.position()) : null;
        S post = decodeState(d, p);
        d.expectEnd();
        return new TestCase<>(in, pre, out, post);
    }
}

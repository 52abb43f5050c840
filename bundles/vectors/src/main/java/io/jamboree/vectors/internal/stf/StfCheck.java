package io.jamboree.vectors.internal.stf;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * The one decode → apply → compare check of the STF test vectors: the transition must leave its input
 * unchanged, and its output and every posterior state field must equal the vector's byte for byte when
 * re-encoded (GP Appendix C codec); a failing transition must leave the state as the vector's post-state.
 */
public final class StfCheck {

    private StfCheck() {}

    /** Empty when the binary test case passes, else the first difference. */
    public static <I, S> Optional<String> check(StfSubsystem<I, S> s, byte[] bin, ChainParams p) {
        StfSubsystem.TestCase<I, S> tc;
        try {
            tc = s.decode(bin, p);
        } catch (RuntimeException e) {
            return Optional.of("undecodable test case: " + e.getMessage());
        }
        return check(s, tc, p);
    }

    /** As {@link #check(StfSubsystem, byte[], ChainParams)} for a decoded test case. */
    public static <I, S> Optional<String> check(StfSubsystem<I, S> s, StfSubsystem.TestCase<I, S> tc, ChainParams p) {
        List<String> names = s.fieldNames(p);
        byte[][] before = s.fields(tc.preState(), p);
        StfSubsystem.Outcome<S> out;
        try {
            out = s.apply(tc.input(), tc.preState(), p);
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("transition threw " + e);
        }
        Optional<String> d = diff("pre_state", names, before, s.fields(tc.preState(), p));
        if (d.isPresent()) {
            return Optional.of("transition mutated its input: " + d.get());
        }
        if (tc.output() != null) {
            d = compare("output", tc.output(), out.output());
            if (d.isPresent()) {
                return Optional.of(d.get() + " [result " + out.result() + "]");
            }
        }
        return diff("post_state", names, s.fields(tc.postState(), p), s.fields(out.postState(), p));
    }

    /** {@code n} fields, field {@code i} encoded by {@code field}. */
    public static byte[][] fields(int n, IntFunction<byte[]> field) {
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            out[i] = field.apply(i);
        }
        return out;
    }

    /** The first of the named fields whose encodings differ, as {@code prefix.name}. */
    public static Optional<String> diff(String prefix, List<String> names, byte[][] expected, byte[][] actual) {
        if (expected.length != actual.length) {
            return Optional.of(prefix + ": " + expected.length + " fields expected, got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            Optional<String> d = compare(prefix + "." + names.get(i), expected[i], actual[i]);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Empty if equal, else a description naming {@code field}, the first differing offset and both windows. */
    public static Optional<String> compare(String field, byte[] expected, byte[] actual) {
        int i = Arrays.mismatch(expected, actual);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(field + " differs at octet " + i + " (expected " + expected.length + " octets, got "
                + actual.length + "): expected …" + window(expected, i) + "… got …" + window(actual, i) + "…");
    }

    /**
     * Reads past a vector's output, an ok-or-error result (GP Appendix C: discriminator 0 and the ok value, read by
     * {@code skipOk}, or 1 and a one-octet error code below {@code errorCodes}).
     *
     * @throws io.jamboree.codec.CodecException on an unknown discriminator or error code
     */
    public static void skipResult(Decoder d, int errorCodes, java.util.function.Consumer<Decoder> skipOk) {
        int tag = d.u8();
        if (tag == 0) {
            skipOk.accept(d);
        } else if (tag == 1) {
            int code = d.u8();
            if (code >= errorCodes) {
                throw d.error("unknown error code " + code);
            }
        } else {
            throw d.error("bad output discriminator " + tag);
        }
    }

    /** The octets {@code write} produces. */
    public static byte[] encode(BiConsumer<Encoder, ChainParams> write, ChainParams p) {
        Encoder e = new Encoder();
        write.accept(e, p);
        return e.toByteArray();
    }

    private static String window(byte[] b, int at) {
        int from = Math.max(0, at - 4);
        int to = Math.min(b.length, at + 12);
        return from >= to ? "" : Hex.plain(Arrays.copyOfRange(b, from, to));
    }
}

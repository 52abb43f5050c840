package io.jamboree.fuzz;

import io.jamboree.codec.CodecException;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.ImportBlock;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.State;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.importer.AncestryItem;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JAM-codec encoding (GP Appendix C) of fuzz-v1.asn messages, without the 4-byte length prefix
 * of the wire (see {@link FuzzFraming}). Decoding is strict: an unknown discriminant, truncated or
 * trailing bytes, non-canonical naturals, invalid UTF-8, an ancestry longer than {@value #MAX_ANCESTRY}
 * or a block that does not decode under the chain parameters throw {@link FuzzProtocolException}
 * naming the message kind and the offset.
 *
 * <p>Layout: {@code SEQUENCE} is concatenation, {@code SEQUENCE OF} and {@code OCTET STRING}/
 * {@code UTF8String} without a fixed size carry a natural length prefix, {@code U8}/{@code U32} are
 * fixed little-endian, {@code CHOICE} is a one-octet discriminant.
 */
public final class FuzzCodec {
    public static final int PEER_INFO = 0;
    public static final int INITIALIZE = 1;
    public static final int STATE_ROOT = 2;
    public static final int IMPORT_BLOCK = 3;
    public static final int GET_STATE = 4;
    public static final int STATE = 5;
    public static final int ERROR = 255;

    /** {@code Ancestry ::= SEQUENCE (SIZE(0..24))}. */
    public static final int MAX_ANCESTRY = 24;

    private FuzzCodec() {}

    /** The encoding of {@code m}: discriminant and body. */
    public static byte[] encode(FuzzMessage m, ChainParams p) {
        Encoder e = new Encoder(m instanceof State || m instanceof Initialize ? 1 << 16 : 256);
        e.u8(m.tag());
        switch (m) {
            case PeerInfo pi -> {
                e.u8(pi.fuzzVersion());
                e.u32(pi.features() & 0xFFFF_FFFFL);
                version(e, pi.jamVersion());
                version(e, pi.appVersion());
                e.blob(pi.appName().getBytes(StandardCharsets.UTF_8));
            }
            case Initialize in -> {
                in.header().encode(e, p);
                keyValues(e, in.state());
                e.length(in.ancestry().size());
                for (AncestryItem a : in.ancestry()) {
                    e.u32(a.slot());
                    a.headerHash().encode(e);
                }
            }
            case StateRoot sr -> sr.root().encode(e);
            case ImportBlock ib -> ib.block().encode(e, p);
            case GetState gs -> gs.headerHash().encode(e);
            case State st -> keyValues(e, st.keyValues());
            case ErrorMessage er -> e.blob(er.text().getBytes(StandardCharsets.UTF_8));
        }
        return e.toByteArray();
    }

    /** Decodes one whole message; every byte must be consumed. */
    public static FuzzMessage decode(byte[] bytes, ChainParams p) {
        if (bytes.length == 0) {
            throw new FuzzProtocolException("empty message: no discriminant");
        }
        int tag = bytes[0] & 0xFF;
        String kind = kindOf(tag);
        if (kind == null) {
            throw new FuzzProtocolException("unknown message discriminant " + tag + " (message of " + bytes.length + " bytes)");
        }
        Decoder d = new Decoder(bytes);
        d.u8();
        try {
            FuzzMessage m = switch (tag) {
                case PEER_INFO -> peerInfo(d);
                case INITIALIZE -> initialize(d, p);
                case STATE_ROOT -> new StateRoot(Hash.decode(d));
                case IMPORT_BLOCK -> new ImportBlock(Block.decode(d, p));
                case GET_STATE -> new GetState(Hash.decode(d));
                case STATE -> new State(keyValues(d));
                case ERROR -> new ErrorMessage(utf8(d, "error text"));
                default -> throw new IllegalStateException("unreachable: " + tag);
            };
            d.expectEnd();
            return m;
        } catch (CodecException | IllegalArgumentException | NullPointerException e) {
            throw new FuzzProtocolException("malformed " + kind + " message (" + bytes.length + " bytes, "
                    + p.name() + " parameters): " + e.getMessage(), e);
        }
    }

    /** The fuzz-v1.asn name of discriminant {@code tag}, or null when there is none. */
    public static String kindOf(int tag) {
        return switch (tag) {
            case PEER_INFO -> "peer-info";
            case INITIALIZE -> "initialize";
            case STATE_ROOT -> "state-root";
            case IMPORT_BLOCK -> "import-block";
            case GET_STATE -> "get-state";
            case STATE -> "state";
            case ERROR -> "error";
            default -> null;
        };
    }

    private static PeerInfo peerInfo(Decoder d) {
        int fuzzVersion = d.u8();
        int features = (int) d.u32();
        Semver jam = version(d);
        Semver app = version(d);
        return new PeerInfo(fuzzVersion, features, jam, app, utf8(d, "app-name"));
    }

    private static Initialize initialize(Decoder d, ChainParams p) {
        Header header = Header.decode(d, p);
        List<KeyValue> state = keyValues(d);
        List<AncestryItem> ancestry = d.varSeq(4 + Hash.SIZE, MAX_ANCESTRY, "ancestry",
                x -> new AncestryItem(x.u32(), Hash.decode(x)));
        return new Initialize(header, state, ancestry);
    }

    private static void version(Encoder e, Semver v) {
        e.u8(v.major()).u8(v.minor()).u8(v.patch());
    }

    private static Semver version(Decoder d) {
        return new Semver(d.u8(), d.u8(), d.u8());
    }

    private static void keyValues(Encoder e, List<KeyValue> kvs) {
        e.length(kvs.size());
        for (KeyValue kv : kvs) {
            e.bytes(kv.key().bytes());
            e.blob(kv.value());
        }
    }

    private static List<KeyValue> keyValues(Decoder d) {
        return d.varSeq(StateKey.LENGTH + 1, "key/values",
                x -> new KeyValue(new StateKey(x.bytes(StateKey.LENGTH, "state key")), x.blob("state value")));
    }

    private static String utf8(Decoder d, String what) {
        int at = d.position();
        byte[] raw = d.blob(what);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new CodecException(what + " at offset " + at + " is not valid UTF-8");
        }
    }
}

package io.jamboree.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.fuzz.FuzzExamples.Recorded;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.importer.AncestryItem;
import io.jamboree.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded fuzz-proto message decodes strictly and re-encodes to the identical bytes. */
class FuzzCodecTest {
    private static final ChainParams TINY = ChainParams.tiny();

    static Stream<Arguments> recorded() {
        List<Arguments> out = new ArrayList<>();
        for (String s : FuzzExamples.SESSIONS) {
            for (Recorded r : FuzzExamples.messages(s)) {
                out.add(Arguments.of(s + "/" + r.file().getFileName(), r));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void roundTrip(String name, Recorded r) {
        byte[] bytes = r.bytes();
        FuzzMessage m = FuzzCodec.decode(bytes, TINY);
        assertEquals(r.kind().replace('_', '-'), m.kind(), name);
        assertArrayEquals(bytes, FuzzCodec.encode(m, TINY), name);
    }

    @Test
    void everyRecordedFileIsCovered() {
        // 816 files: 408 .bin and their .json; both sessions have 1 + 1 + 100 requests.
        assertEquals(204, FuzzExamples.messages("no_forks").size());
        assertEquals(204, FuzzExamples.messages("forks").size());
        assertEquals(102, FuzzExamples.exchanges("forks").size());
    }

    @Test
    void readmeExamples() {
        PeerInfo pi = (PeerInfo) FuzzCodec.decode(Hex.decode("0x0001020000000007000001190666757a7a6572"), TINY);
        assertEquals(new PeerInfo(1, 2, new Semver(0, 7, 0), new Semver(0, 1, 25), "fuzzer"), pi);
        StateRoot sr = (StateRoot) FuzzCodec.decode(
                Hex.decode("0x024559342d3a32a8cbc3c46399a80753abff8bf785aa9d6f623e0de045ba6701fe"), TINY);
        assertEquals(Hash.ofHex("0x4559342d3a32a8cbc3c46399a80753abff8bf785aa9d6f623e0de045ba6701fe"), sr.root());
        String text = "Chain error: block execution failure: preimages error: preimage not required";
        byte[] err = FuzzCodec.encode(new ErrorMessage(text), TINY);
        assertEquals("0xff4c", Hex.encode(Arrays.copyOf(err, 2)));
        assertEquals(text, ((ErrorMessage) FuzzCodec.decode(err, TINY)).text());
    }

    @Test
    void rejectsUnknownDiscriminant() {
        var e = assertThrows(FuzzProtocolException.class, () -> FuzzCodec.decode(new byte[] {6, 0}, TINY));
        assertTrue(e.getMessage().contains("unknown message discriminant 6"), e.getMessage());
        assertThrows(FuzzProtocolException.class, () -> FuzzCodec.decode(new byte[0], TINY));
    }

    @Test
    void rejectsTruncatedAndTrailingBytes() {
        byte[] block = FuzzExamples.messages("no_forks").stream()
                .filter(r -> r.kind().equals("import_block")).findFirst().orElseThrow().bytes();
        var trunc = assertThrows(FuzzProtocolException.class,
                () -> FuzzCodec.decode(Arrays.copyOf(block, block.length - 1), TINY));
        assertTrue(trunc.getMessage().startsWith("malformed import-block message"), trunc.getMessage());
        var trail = assertThrows(FuzzProtocolException.class,
                () -> FuzzCodec.decode(Arrays.copyOf(block, block.length + 1), TINY));
        assertTrue(trail.getMessage().contains("1 trailing bytes"), trail.getMessage());
        var root = assertThrows(FuzzProtocolException.class, () -> FuzzCodec.decode(new byte[] {2, 1, 2, 3}, TINY));
        assertTrue(root.getMessage().startsWith("malformed state-root message"), root.getMessage());
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] bad = {(byte) 0xFF, 2, (byte) 0xC3, (byte) 0x28};
        var e = assertThrows(FuzzProtocolException.class, () -> FuzzCodec.decode(bad, TINY));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        byte[] ok = FuzzCodec.encode(new ErrorMessage("größe"), TINY);
        assertEquals("größe", ((ErrorMessage) FuzzCodec.decode(ok, TINY)).text());
        assertEquals(1 + 1 + "größe".getBytes(StandardCharsets.UTF_8).length, ok.length);
    }

    @Test
    void ancestryIsAtMost24() {
        Initialize init = (Initialize) FuzzCodec.decode(FuzzExamples.messages("forks").stream()
                .filter(r -> r.kind().equals("initialize")).findFirst().orElseThrow().bytes(), TINY);
        AncestryItem a = new AncestryItem(7, Hash.ZERO);
        Initialize max = new Initialize(init.header(), init.state(), Collections.nCopies(24, a));
        assertInstanceOf(Initialize.class, FuzzCodec.decode(FuzzCodec.encode(max, TINY), TINY));
        // 25 items: build the encoding by hand (the record refuses them) and expect a decode error
        byte[] enc24 = FuzzCodec.encode(max, TINY);
        int countAt = enc24.length - 24 * 36 - 1;
        assertEquals(24, enc24[countAt]);
        byte[] enc25 = Arrays.copyOf(enc24, enc24.length + 36);
        enc25[countAt] = 25;
        System.arraycopy(enc24, countAt + 1, enc25, enc24.length, 36);
        var e = assertThrows(FuzzProtocolException.class, () -> FuzzCodec.decode(enc25, TINY));
        assertTrue(e.getMessage().contains("exceed the maximum 24"), e.getMessage());
    }
}

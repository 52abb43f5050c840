package io.jamboree.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.importer.AncestryItem;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.merkle.StateKey;
import io.jamboree.store.memory.MemoryNodeStore;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the conformance fuzzer's example sessions (fuzz-proto-0.7.2 examples/0.7.2, {@code no_forks} and
 * {@code forks}, fuzz-v1.asn messages): every Initialize and ImportBlock must produce the recorded response: the
 * same state root, or an Error where the reference target rejected the block (the message text is not compared).
 */
class FuzzExamplesTest {
    private static final ChainParams P = ChainParams.tiny();

    static Path folder(String name) {
        Path base = VectorsFolder.path();
        Path dir = base.resolve("fuzz-proto-0.7.2/fuzz-proto/examples/0.7.2").resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fuzzer examples missing: " + dir);
        }
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"no_forks", "forks"})
    void session(String name) throws IOException {
        Path dir = folder(name);
        List<Path> requests;
        try (Stream<Path> s = Files.list(dir)) {
            requests = s.filter(p -> p.getFileName().toString().matches("\\d{8}_fuzzer_(initialize|import_block)\\.bin"))
                    .sorted().toList();
        }
        BlockImporter imp = TestImporters.create(P, new MemoryNodeStore(), TraceImportTest.accumulation());
        List<String> problems = new ArrayList<>();
        int imported = 0;
        int rejected = 0;
        for (Path req : requests) {
            String n = req.getFileName().toString().substring(0, 8);
            byte[] response = read(dir.resolve(n + "_target_state_root.bin"), dir.resolve(n + "_target_error.bin"));
            Decoder d = new Decoder(read(req));
            int kind = d.u8();
            Hash got;
            String reason = null;
            if (kind == 1) {
                Header h = Header.decode(d, P);
                List<KeyValue> kvs = d.varSeq(StateKey.LENGTH + 1, "keyvals",
                        x -> new KeyValue(StateKey.ofBytes(x.bytes(StateKey.LENGTH, "key")), x.blob("value")));
                List<AncestryItem> anc = d.varSeq(36, "ancestry", x -> new AncestryItem(x.u32(), Hash.decode(x)));
                d.expectEnd();
                got = imp.initialize(h, kvs, anc);
            } else if (kind == 3) {
                Block b = Block.decode(d, P);
                d.expectEnd();
                ImportOutcome out = imp.importBlock(b);
                got = out instanceof ImportOutcome.Imported i ? i.stateRoot() : null;
                reason = out instanceof ImportOutcome.Rejected r ? r.reason() : null;
            } else {
                throw new IllegalStateException(req + ": unexpected message kind " + kind);
            }
            Decoder rd = new Decoder(response);
            int rkind = rd.u8();
            if (rkind == 2) {
                Hash want = Hash.decode(rd);
                if (!want.equals(got)) {
                    problems.add(n + ": expected state root " + want + ", got "
                            + (got == null ? "rejection: " + reason : got));
                } else if (kind == 3) {
                    imported++;
                }
            } else if (rkind == 255) {
                String err = new String(rd.blob("error"), StandardCharsets.UTF_8);
                if (got != null) {
                    problems.add(n + ": expected an error (" + err + "), but the block was imported");
                } else {
                    rejected++;
                }
            } else {
                throw new IllegalStateException(n + ": unexpected response kind " + rkind);
            }
        }
        System.out.println("fuzzer example " + name + ": " + imported + " imported, " + rejected + " rejected as "
                + "expected, " + problems.size() + " differ");
        assertEquals(100, imported + rejected + problems.size(), "blocks in " + name);
        KnownFailures.expectPass("fuzz-examples/" + name, problems.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(problems.size() + " responses differ, first: " + problems.get(0)));
    }

    private static byte[] read(Path... candidates) {
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no response file " + candidates[0]);
    }
}

package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.erasure.ErasureCode;
import io.jamboree.erasure.ErasureCoding;
import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code erasure/tiny} and {@code erasure/full}: the erasure code of GP Appendix H ({@code C_k}, eq. H.4, and
 * {@code R_k}, eq. H.5) on the chain's {@code V} and {@code W_E}. For each {@code ec-N.json}: the data, zero-padded to
 * whole pieces, encodes to the vector's shards byte for byte; the data comes back from minimal subsets of the
 * vector's shards (the systematic ones, the last {@code W_E/2} ones, which are all recovery shards, and six random
 * ones drawn with a seed fixed by the vector's name); and {@code ec-N.bin}, when present, is the codec encoding
 * {@code ↕data ⌢ ↕[↕shard]} of the same vector.
 */
@Component(service = VectorFamily.class)
public final class ErasureFamily implements VectorFamily {
    private static final int RANDOM_SUBSETS = 6;

    private final ErasureCoding coding;

    @Activate
    public ErasureFamily(@Reference ErasureCoding coding) {
        this.coding = coding;
    }

    @Override
    public String name() {
        return "erasure";
    }

    @Override
    public boolean recognises(Path dir) {
        Path parent = dir.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("erasure")
                && dir.getFileName() != null && ChainParams.byName(dir.getFileName().toString()).isPresent();
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        ChainParams params = ChainParams.byName(dir.getFileName().toString()).orElseThrow();
        ErasureCode code = coding.code(params);
        List<VectorResult> results = new ArrayList<>();
        for (Path json : JsonFiles.list(dir, ".json")) {
            String file = json.getFileName().toString();
            String id = file.substring(0, file.length() - ".json".length());
            try {
                Optional<String> bad = check(code, dir, id);
                results.add(bad.isEmpty() ? VectorResult.pass(id) : VectorResult.fail(id, bad.get()));
            } catch (IOException | RuntimeException e) {
                results.add(VectorResult.fail(id, JsonFiles.describe(e)));
            }
        }
        return new VectorReport(name(), dir, results);
    }

    private static Optional<String> check(ErasureCode code, Path dir, String id) throws IOException {
        JsonNode v = JsonFiles.read(dir.resolve(id + ".json"));
        byte[] data = Hex.decode(v.get("data").asText());
        JsonNode shardsJson = v.get("shards");
        int n = code.shardCount();
        if (shardsJson == null || shardsJson.size() != n) {
            return Optional.of("expected " + n + " shards, the vector has "
                    + (shardsJson == null ? "none" : shardsJson.size()));
        }
        byte[][] expected = new byte[n][];
        for (int i = 0; i < n; i++) {
            expected[i] = Hex.decode(shardsJson.get(i).asText());
        }
        Path bin = dir.resolve(id + ".bin");
        if (Files.isRegularFile(bin)) {
            Encoder e = new Encoder();
            e.blob(data).length(n);
            for (byte[] s : expected) {
                e.blob(s);
            }
            if (!Arrays.equals(e.toByteArray(), Files.readAllBytes(bin))) {
                return Optional.of(id + ".bin is not the encoding of " + id + ".json");
            }
        }

        int piece = code.pieceSize();
        byte[] padded = Arrays.copyOf(data, (data.length + piece - 1) / piece * piece);
        byte[][] actual = code.encode(padded);
        for (int i = 0; i < n; i++) {
            if (!Arrays.equals(expected[i], actual[i])) {
                return Optional.of("shard " + i + " is " + Hex.plain(actual[i]) + ", expected "
                        + Hex.plain(expected[i]));
            }
        }

        int need = code.dataShards();
        List<int[]> subsets = new ArrayList<>();
        int[] first = new int[need];
        int[] last = new int[need];
        for (int j = 0; j < need; j++) {
            first[j] = j;
            last[j] = n - need + j;
        }
        subsets.add(first);
        subsets.add(last);
        SplittableRandom random = new SplittableRandom(id.hashCode() * 31L + n);
        for (int round = 0; round < RANDOM_SUBSETS; round++) {
            subsets.add(randomSubset(random, n, need));
        }
        for (int[] subset : subsets) {
            byte[][] given = new byte[need][];
            for (int j = 0; j < need; j++) {
                given[j] = expected[subset[j]];
            }
            byte[] back = code.reconstruct(subset, given);
            if (!Arrays.equals(padded, back)) {
                return Optional.of("recovery from shards " + describe(subset) + " differs from the data at octet "
                        + Arrays.mismatch(padded, back));
            }
        }
        return Optional.empty();
    }

    private static int[] randomSubset(SplittableRandom random, int n, int size) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, size);
    }

    private static String describe(int[] subset) {
        if (subset.length <= 8) {
            return Arrays.toString(subset);
        }
        return "[" + subset[0] + ", " + subset[1] + ", .. " + subset[subset.length - 1] + "] (" + subset.length + ")";
    }
}

package io.jamboree.vectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.core.ChainParams;
import io.jamboree.vectors.internal.codec.CodecVectors;
import io.jamboree.vectors.internal.codec.VectorType;
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
import org.osgi.service.component.annotations.Component;

/**
 * {@code codec/tiny} and {@code codec/full}: the GP Appendix C codec and the vectors' JSON mapping. For each
 * {@code NAME.json}/{@code NAME.bin} pair: the JSON value encodes to the binary byte for byte, the binary
 * decodes and re-encodes identically, and the decoded value maps back to the same JSON.
 */
@Component(service = VectorFamily.class)
public final class CodecFamily implements VectorFamily {
    @Override
    public String name() {
        return "codec";
    }

    @Override
    public boolean recognises(Path dir) {
        Path parent = dir.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("codec")
                && CodecVectors.paramsFor(dir.getFileName().toString()).isPresent();
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        ChainParams params = CodecVectors.paramsFor(dir.getFileName().toString()).orElseThrow();
        List<VectorResult> results = new ArrayList<>();
        for (Path json : JsonFiles.list(dir, ".json")) {
            String file = json.getFileName().toString();
            String base = file.substring(0, file.length() - ".json".length());
            results.add(check(dir, base, params));
        }
        return new VectorReport(name(), dir, results);
    }

    private static VectorResult check(Path dir, String base, ChainParams params) {
        String id = base;
        try {
            Optional<VectorType<?>> type = CodecVectors.forName(base);
            if (type.isEmpty()) {
                return VectorResult.fail(id, "no codec type for vector '" + base + "'");
            }
            VectorType<?> t = type.get();
            Path binFile = dir.resolve(base + ".bin");
            if (!Files.isRegularFile(binFile)) {
                return VectorResult.fail(id, "missing " + binFile.getFileName());
            }
            byte[] bin = Files.readAllBytes(binFile);
            JsonNode json = JsonFiles.read(dir.resolve(base + ".json"));

            byte[] fromJson = t.encodeObject(t.fromJson(json, params), params);
            String diff = firstDifference("encode(json)", fromJson, bin);
            if (diff != null) {
                return VectorResult.fail(id, diff);
            }
            Object decoded = t.decode(bin, params);
            diff = firstDifference("encode(decode(bin))", t.encodeObject(decoded, params), bin);
            if (diff != null) {
                return VectorResult.fail(id, diff);
            }
            JsonNode back = t.toJsonObject(decoded, params);
            if (!back.equals(json)) {
                return VectorResult.fail(id, "toJson(decode(bin)) differs from the vector's JSON");
            }
            return VectorResult.pass(id);
        } catch (IOException | RuntimeException e) {
            return VectorResult.fail(id, JsonFiles.describe(e));
        }
    }

    private static String firstDifference(String what, byte[] actual, byte[] expected) {
        int at = Arrays.mismatch(actual, expected);
        if (at < 0) {
            return null;
        }
        return String.format("%s differs at byte %d of %d (expected length %d): got %s, expected %s", what, at,
                actual.length, expected.length, at < actual.length ? String.format("%02x", actual[at]) : "end",
                at < expected.length ? String.format("%02x", expected[at]) : "end");
    }
}

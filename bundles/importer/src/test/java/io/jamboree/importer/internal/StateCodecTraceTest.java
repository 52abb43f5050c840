package io.jamboree.importer.internal;

import io.jamboree.importer.trace.TraceStep;
import io.jamboree.importer.trace.RawState;
import io.jamboree.importer.trace.Genesis;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.stf.state.ServiceAccounts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.KeyValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** GP Appendix D.1: every pre/post state of the six trace folders decodes and re-encodes to identical octets. */
class StateCodecTraceTest {
    static final List<String> FOLDERS = Traces.FOLDERS;
    private static final ChainParams P = ChainParams.tiny();

    @ParameterizedTest
    @FieldSource("FOLDERS")
    void statesRoundTrip(String folder) {
        int n = 0;
        Genesis g = Genesis.decode(Traces.read(Traces.folder(folder).resolve("genesis.bin")), P);
        check(folder + "/genesis", g.state());
        n++;
        for (Path p : Traces.steps(folder)) {
            TraceStep s = TraceStep.decode(Traces.read(p), P);
            check(folder + "/" + p.getFileName() + " pre", s.preState());
            check(folder + "/" + p.getFileName() + " post", s.postState());
            n += 2;
        }
        assertEquals(201, n, "states in " + folder);
    }

    private static void check(String what, RawState raw) {
        ChainState s = StateCodec.decode(raw.keyvals(), P);
        List<KeyValue> again = StateCodec.encodeList(s, P);
        List<KeyValue> sorted = new ArrayList<>(raw.keyvals());
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        assertEquals(sorted.size(), again.size(), what + ": key count");
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(sorted.get(i).key(), again.get(i).key(), what + ": key " + i);
            assertArrayEquals(sorted.get(i).value(), again.get(i).value(),
                    what + ": value of " + StateCodec.describe(sorted.get(i).key()));
        }
        assertEquals(raw.stateRoot(), StateCodec.root(StateCodec.encode(s, P)), what + ": state root");
    }
}

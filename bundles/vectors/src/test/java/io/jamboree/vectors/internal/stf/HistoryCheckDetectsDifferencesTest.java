package io.jamboree.vectors.internal.stf;

import io.jamboree.core.ChainParams;
import io.jamboree.stf.history.HistoryInput;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.Hash;
import io.jamboree.types.RecentBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** {@link HistoryVectors#check} reports a corrupted expected post-state, naming the field. */
class HistoryCheckDetectsDifferencesTest {

    @Test
    void wrongBeefyRoot() {
        StfSubsystem.TestCase<HistoryInput, RecentBlocks> tc = HistoryVectors.INSTANCE.decode(VectorFiles.read(
                VectorFiles.root().resolve("stf/history/tiny/progress_blocks_history-2.bin")), ChainParams.tiny());
        RecentBlocks p = tc.postState();
        List<BlockInfo> h = new ArrayList<>(p.history());
        BlockInfo last = h.get(h.size() - 1);
        h.set(h.size() - 1, new BlockInfo(last.headerHash(), new Hash(new byte[32]), last.stateRoot(), last.reported()));
        Optional<String> d = StfCheck.check(HistoryVectors.INSTANCE, 
                new StfSubsystem.TestCase<>(tc.input(), tc.preState(), null, new RecentBlocks(h, p.mmr())), ChainParams.tiny());
        assertTrue(d.isPresent() && d.get().contains("history"), String.valueOf(d));
    }
}

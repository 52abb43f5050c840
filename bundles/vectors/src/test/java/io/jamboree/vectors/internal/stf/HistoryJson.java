package io.jamboree.vectors.internal.stf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.json.JsonSupport;
import io.jamboree.json.StateJson;
import io.jamboree.stf.history.HistoryInput;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportedWorkPackage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a tiny recent-history JSON vector (via jam-core's JSON mapping) into a {@link StfSubsystem.TestCase}. */
final class HistoryJson {

    private HistoryJson() {}

    static StfSubsystem.TestCase<HistoryInput, RecentBlocks> read(Path p) throws IOException {
        JsonNode root = new ObjectMapper().readTree(p.toFile());
        JsonNode in = root.get("input");
        List<ReportedWorkPackage> wps = new ArrayList<>();
        for (JsonNode n : in.get("work_packages")) {
            wps.add(StateJson.reportedWorkPackage(n));
        }
        HistoryInput input = new HistoryInput(JsonSupport.hash(in, "header_hash"),
                JsonSupport.hash(in, "parent_state_root"), JsonSupport.hash(in, "accumulate_root"), wps);
        return new StfSubsystem.TestCase<>(input, StateJson.recentBlocks(root.get("pre_state").get("beta")), null,
                StateJson.recentBlocks(root.get("post_state").get("beta")));
    }
}

package io.jamboree.availability.internal;

import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.BundleFetcher;
import io.jamboree.availability.ImportedSegment;
import io.jamboree.availability.SegmentFetcher;
import io.jamboree.availability.ShardDistribution;
import io.jamboree.core.ChainParams;
import io.jamboree.erasure.AvailabilitySpecifier;
import io.jamboree.importer.BlockImporter;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.store.ActiveStore;
import io.jamboree.types.AvailabilitySpec;
import io.jamboree.types.Block;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The node's availability services (GP 0.7.2 §14.4): {@link ShardDistribution}, {@link BundleFetcher} and
 * {@link SegmentFetcher} over a {@link ShardService} on the node's store ({@link ActiveStore}, so a store switch keeps
 * the shards), the network when it runs, and the best head: its state's κ are the validators to ask, and the
 * guarantee extrinsics of its recent blocks name a report's guarantors.
 */
@Component(service = {ShardDistribution.class, BundleFetcher.class, SegmentFetcher.class,
        AvailabilityComponent.class})
public final class AvailabilityComponent implements ShardDistribution, BundleFetcher, SegmentFetcher {
    /** Blocks searched back from the head for the guarantee of a report (U slots and some forks' slack). */
    static final int GUARANTEE_SEARCH = 16;

    private final BlockImporter importer;
    private final ChainParams params;
    private final ShardService service;
    private volatile Network network;
    private Hash stateHead;
    private ChainState state;

    @Activate
    public AvailabilityComponent(@Reference BlockImporter importer, @Reference AvailabilitySpecifier specifier,
            @Reference ActiveStore store) {
        this.importer = importer;
        this.params = importer.params();
        this.service = new ShardService(params, specifier,
                new AvailabilityStore(store, 2 * params.segmentEcPieces()), () -> Optional.ofNullable(network),
                new ShardService.Peers() {
                    @Override
                    public List<PeerId> validators() {
                        return validatorIds();
                    }

                    @Override
                    public List<PeerId> guarantors(Hash erasureRoot) {
                        return guarantorIds(erasureRoot);
                    }
                }, this::headSlot);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network n) {
        network = n;
    }

    void unbindNetwork(Network n) {
        if (network == n) {
            network = null;
        }
    }

    ShardService service() {
        return service;
    }

    ChainParams params() {
        return params;
    }

    Optional<Network> network() {
        return Optional.ofNullable(network);
    }

    BlockImporter importer() {
        return importer;
    }

    @Override
    public void publish(AvailabilitySpec spec, byte[] bundle, List<byte[]> exports) throws AvailabilityException {
        service.publish(spec, bundle, exports);
    }

    @Override
    public byte[] bundle(WorkReport report) throws AvailabilityException {
        return service.bundle(report);
    }

    @Override
    public List<ImportedSegment> segments(AvailabilitySpec spec, int core, int[] indices)
            throws AvailabilityException {
        return service.segments(spec, core, indices);
    }

    /** The best head and its decoded posterior state (decoded once per head). */
    synchronized Optional<Head> head() {
        Optional<Hash> h = importer.bestHead();
        if (h.isEmpty()) {
            return Optional.empty();
        }
        if (!h.get().equals(stateHead)) {
            Optional<ChainState> s = importer.state(h.get()).map(kvs -> StateCodec.decode(kvs, params));
            if (s.isEmpty()) {
                return Optional.empty();
            }
            state = s.get();
            stateHead = h.get();
        }
        return Optional.of(new Head(stateHead, state));
    }

    /** A head and its state. */
    record Head(Hash hash, ChainState state) {}

    private long headSlot() {
        return head().map(h -> h.state().tau()).orElse(0L);
    }

    private List<PeerId> validatorIds() {
        Optional<Head> h = head();
        if (h.isEmpty()) {
            return List.of();
        }
        return ids(h.get().state().kappa());
    }

    static List<PeerId> ids(ValidatorKeys keys) {
        List<PeerId> out = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            out.add(PeerId.of(keys.get(i).ed25519()));
        }
        return out;
    }

    /** The signers of the guarantee of the report with {@code erasureRoot} in the last blocks of the best chain. */
    private List<PeerId> guarantorIds(Hash erasureRoot) {
        Optional<Head> h = head();
        if (h.isEmpty()) {
            return List.of();
        }
        List<PeerId> vs = ids(h.get().state().kappa());
        Hash at = h.get().hash();
        for (int i = 0; i < GUARANTEE_SEARCH; i++) {
            Optional<Block> b = importer.block(at);
            if (b.isEmpty()) {
                break;
            }
            for (ReportGuarantee g : b.get().extrinsic().guarantees().guarantees()) {
                if (g.report().packageSpec().erasureRoot().equals(erasureRoot)) {
                    List<PeerId> out = new ArrayList<>();
                    for (ValidatorSignature s : g.signatures()) {
                        if (s.validatorIndex() < vs.size()) {
                            out.add(vs.get(s.validatorIndex()));
                        }
                    }
                    return out;
                }
            }
            at = b.get().header().parent();
        }
        return List.of();
    }
}

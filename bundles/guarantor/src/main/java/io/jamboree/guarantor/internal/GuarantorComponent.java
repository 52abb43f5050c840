package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.availability.AvailabilityException;
import io.jamboree.availability.SegmentFetcher;
import io.jamboree.availability.ShardDistribution;
import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.network.Network;
import io.jamboree.rpc.SubmissionRefusedException;
import io.jamboree.rpc.WorkPackageSubmitter;
import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.WorkReport;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's guarantor (GP 0.7.2 §11.3–11.4, §14; JAMNP-S CE 133–136, CE 146): a {@link GuarantorNode} over the
 * best head of the {@link BlockImporter}, the validators of the {@link Keystore}, the {@link Network}, the local
 * {@link ExtrinsicPool}, the {@link SegmentFetcher} for imported segments and the {@link WorkReportComputation} Ξ of the highest ranking (greedy: a plugin's
 * higher-ranked computation replaces the bundle's own). Offers the RPC's {@link WorkPackageSubmitter}. Publishes
 * guaranteed packages to {@link ShardDistribution} when one is registered.
 */
@Component(service = {WorkPackageSubmitter.class, GuarantorComponent.class})
public final class GuarantorComponent implements WorkPackageSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(GuarantorComponent.class);

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WorkReportComputation computation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ShardDistribution shards;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Network network;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SegmentFetcher segments;

    private final BlockImporter importer;
    private final ChainParams params;
    private final GuarantorNode node;
    private volatile GuarantorNode.Head cached;

    @Activate
    public GuarantorComponent(@Reference BlockImporter importer, @Reference Keystore keystore,
            @Reference ExtrinsicPool pool) {
        this.importer = importer;
        this.params = importer.params();
        this.node = new GuarantorNode(params, this::head, keystore.validators(), () -> computation,
                new NetworkPeers(params, () -> network), g -> pooled(pool, g), this::publish,
                new SegmentImports(params, new SegmentRootLookup(importer::block), () -> segments));
    }

    GuarantorNode node() {
        return node;
    }

    ChainParams params() {
        return params;
    }

    private static void pooled(ExtrinsicPool pool, ReportGuarantee g) {
        Submission s = pool.submitGuarantee(g);
        if (s instanceof Submission.Refused(String reason)) {
            LOG.info("the pool refused the guarantee of package {}: {}", g.report().packageSpec().hash(), reason);
        }
    }

    private void publish(ComputedWorkReport c) {
        ShardDistribution d = shards;
        if (d == null) {
            LOG.info("no shard distribution service: package {} is not made available by this node",
                    c.report().packageSpec().hash());
            return;
        }
        try {
            d.publish(c.report().packageSpec(), c.bundle(), c.exports());
        } catch (AvailabilityException | RuntimeException e) {
            LOG.warn("publishing the shards of package {} failed: {}", c.report().packageSpec().hash(), e.toString());
        }
    }

    private Optional<GuarantorNode.Head> head() {
        Optional<Hash> best = importer.bestHead();
        if (best.isEmpty()) {
            return Optional.empty();
        }
        GuarantorNode.Head c = cached;
        if (c != null && c.hash().equals(best.get())) {
            return Optional.of(c);
        }
        return importer.state(best.get()).map(kvs -> {
            GuarantorNode.Head h = new GuarantorNode.Head(best.get(), StateCodec.decode(kvs, params));
            cached = h;
            return h;
        });
    }

    /** RPC {@code submitWorkPackage}: guaranteed here or forwarded to a guarantor of the core. */
    @Override
    public void submit(int core, byte[] workPackage, List<byte[]> extrinsics) {
        try {
            WorkPackageBundle b = node.parse(workPackage, extrinsics);
            node.submit(core, b, true, GuarantorComponent::async);
        } catch (WorkReportException e) {
            throw new SubmissionRefusedException(e.getMessage());
        }
    }

    /** A package from a builder (CE 133/146): guaranteed here, or refused when this node is not on the core. */
    Hash submitted(int core, WorkPackageBundle b) {
        return node.submit(core, b, false, GuarantorComponent::async);
    }

    Optional<WorkReport> report(Hash hash) {
        return node.report(hash);
    }

    static void async(Runnable r) {
        Thread.ofVirtual().name("guarantor").start(r);
    }
}

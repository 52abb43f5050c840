package io.jamboree.guarantor.internal;

import io.jamboree.guarantor.WorkPackageBundle;
import io.jamboree.codec.CodecException;
import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkPackageImports;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.guarantor.WorkReportException;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.Ed25519Signature;
import io.jamboree.types.Hash;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ValidatorSignature;
import io.jamboree.types.WorkReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guarantor's work (GP 0.7.2 §11.3–11.4, §14.3–14.4; JAMNP-S CE 133–136): for a work package submitted for a
 * core, the validators this node holds keys of that P(η_2, τ) puts on the core (GP eq. 11.19–11.20) compute
 * Ξ(p, c), sign the report, share the bundle with the core's other guarantors (CE 134) and collect their signatures;
 * with at least two signatures the guarantee (r, t, a) goes to the local pool, to every validator (CE 135) and to
 * availability. A package for a core this node does not guarantee is forwarded to one of the core's guarantors
 * (CE 133). Independent of OSGi and of the network: the chain, the keys and the peers come in through the
 * constructor.
 */
public final class GuarantorNode {
    /** The largest encoded work package accepted before authorization: 200 KiB (JAMNP-S CE 133 and CE 146). */
    public static final int MAX_PACKAGE_BYTES = WorkPackageIntake.MAX_PACKAGE_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(GuarantorNode.class);
    private static final int KEEP_REPORTS = 1024;

    /** The head of the best chain: its posterior state and slot τ. */
    public record Head(Hash hash, ChainState state) {}

    /** A co-guarantor's answer to CE 134: the work-report hash and its signature. */
    public record ShareResponse(Hash reportHash, Ed25519Signature signature) {}

    /** What the guarantor needs from the network (JAMNP-S); {@link NetworkPeers} over the node's network. */
    public interface Peers {
        /** CE 134 to validator {@code key}: the core, empty segment-root mappings and the bundle. */
        ShareResponse share(Ed25519Public key, int core, byte[] bundle) throws Exception;

        /** CE 135 to each of {@code keys}, the guaranteed report; failures are logged, not thrown. */
        void distribute(ReportGuarantee guarantee, List<Ed25519Public> keys);

        /** CE 133 to the guarantor {@code key}: the core and the encoded package, then the extrinsic data. */
        void forward(Ed25519Public key, int core, byte[] encodedPackage, byte[] extrinsicData) throws Exception;
    }

    private final ChainParams params;
    private final Supplier<Optional<Head>> head;
    private final GuarantorKeys keys;
    private final WorkPackageIntake intake;
    private final GuaranteeCollection collection;
    private final GuaranteeReception reception;
    private final Supplier<WorkReportComputation> computation;
    private final Peers peers;
    private final Consumer<ReportGuarantee> pool;
    private final Consumer<ComputedWorkReport> availability;
    private final SegmentImports imports;
    private final Map<Hash, WorkReport> reports = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, WorkReport> e) {
            return size() > KEEP_REPORTS;
        }
    };

    /**
     * @param head         the best head and its state, empty before genesis
     * @param keys         the validators this node holds secrets of
     * @param computation  Ξ, looked up at each use (a higher-ranked service may replace it)
     * @param pool         the local extrinsic pool's guarantee submission
     * @param availability publishes a guaranteed package's bundle and exports (shard distribution)
     */
    public GuarantorNode(ChainParams params, Supplier<Optional<Head>> head, List<ValidatorSecrets> keys,
            Supplier<WorkReportComputation> computation, Peers peers, Consumer<ReportGuarantee> pool,
            Consumer<ComputedWorkReport> availability) {
        this(params, head, keys, computation, peers, pool, availability, null);
    }

    /**
     * @param imports resolves, fetches and checks the segments a package imports; null: such packages are refused
     */
    GuarantorNode(ChainParams params, Supplier<Optional<Head>> head, List<ValidatorSecrets> keys,
            Supplier<WorkReportComputation> computation, Peers peers, Consumer<ReportGuarantee> pool,
            Consumer<ComputedWorkReport> availability, SegmentImports imports) {
        this.imports = imports;
        this.params = params;
        this.head = head;
        this.keys = new GuarantorKeys(params, keys);
        this.intake = new WorkPackageIntake(params);
        this.collection = new GuaranteeCollection(params, peers, pool, availability, this::remember);
        this.reception = new GuaranteeReception(params, head, pool, this::remember);
        this.computation = computation;
        this.peers = peers;
        this.pool = pool;
        this.availability = availability;
    }

    /** A package accepted for guaranteeing: its report computed and signed by this node's guarantors of the core. */
    public record Accepted(Hash packageHash, ComputedWorkReport computed, List<ValidatorSignature> own, Head head,
            int core, byte[] bundle) {}

    /**
     * Decodes a package and its extrinsic data (given per item by their specs) and refuses what cannot be guaranteed.
     *
     * @throws WorkReportException with the reason when the package is malformed, too large or its data does not fit
     */
    public WorkPackageBundle parse(byte[] encodedPackage, List<byte[]> extrinsicBlobs) {
        return intake.parse(encodedPackage, extrinsicBlobs);
    }

    /**
     * As {@link #parse(byte[], List)} with the extrinsic data concatenated, as CE 133's second message has it.
     *
     * @throws WorkReportException with the reason when the package is malformed, too large or the data does not fit
     */
    public WorkPackageBundle parse(byte[] encodedPackage, byte[] extrinsicData) {
        return intake.parse(encodedPackage, extrinsicData);
    }

    /**
     * A package submitted for {@code core} (RPC or CE 133/146): guaranteed here when this node holds a guarantor of
     * the core, the sharing and distribution then running on {@code async}; otherwise forwarded over CE 133 to a
     * guarantor of the core.
     *
     * @param forwardable whether a package for a core this node does not guarantee may be forwarded (not when it
     *                    came from the network already)
     * @return the package hash
     * @throws WorkReportException when refused (the message says why)
     */
    public Hash submit(int core, WorkPackageBundle b, boolean forwardable, Consumer<Runnable> async) {
        if (core < 0 || core >= params.coresCount()) {
            throw new WorkReportException("core " + core + " does not exist (C = " + params.coresCount() + ")");
        }
        Head h = head.get().orElseThrow(() -> new WorkReportException("this node has no chain yet"));
        List<Integer> own = ownGuarantors(h, core);
        if (own.isEmpty()) {
            if (!forwardable) {
                throw new WorkReportException("this node is not a guarantor of core " + core + " at slot "
                        + h.state().tau());
            }
            return forward(h, core, b);
        }
        Accepted a = accept(h, core, b, own);
        async.accept(() -> {
            try {
                complete(a);
            } catch (RuntimeException e) {
                LOG.warn("guaranteeing package {} on core {} failed: {}", a.packageHash(), core, e.toString());
            }
        });
        return a.packageHash();
    }

    private Hash forward(Head h, int core, WorkPackageBundle b) {
        int[] gs = GuaranteeSigning.guarantorsOf(params, h.state().eta().get(2), h.state().tau(), core);
        byte[] encoded = WorkReportComputer.encode(params, b.pkg());
        byte[] data = concat(b.extrinsics());
        Hash hash = new Hash(io.jamboree.core.hash.Blake2b256.hash(encoded));
        StringBuilder failures = new StringBuilder();
        for (int v : gs) {
            Ed25519Public key = h.state().kappa().get(v).ed25519();
            try {
                peers.forward(key, core, encoded, data);
                LOG.info("forwarded package {} for core {} to guarantor {}", hash, core, v);
                return hash;
            } catch (Exception e) {
                failures.append("; validator ").append(v).append(": ").append(e.getMessage());
            }
        }
        throw new WorkReportException("no guarantor of core " + core + " took the package" + failures);
    }

    /**
     * Ξ(p, c) on the head's services and this node's signatures (GP eq. 11.26) by each of {@code own}.
     *
     * @throws WorkReportException when Ξ refuses the package
     */
    public Accepted accept(Head h, int core, WorkPackageBundle b, List<Integer> own) {
        return accept(h, core, b, own, fetchImports(h, b));
    }

    private WorkPackageImports fetchImports(Head h, WorkPackageBundle b) {
        if (b.pkg().items().stream().allMatch(w -> w.importSegments().isEmpty())) {
            return WorkPackageImports.NONE;
        }
        if (imports == null) {
            throw new WorkReportException("the package imports segments, which this guarantor cannot fetch");
        }
        return imports.fetch(h.hash(), b.pkg());
    }

    private Accepted accept(Head h, int core, WorkPackageBundle b, List<Integer> own, WorkPackageImports in) {
        ServiceAccounts services = new ServiceAccounts(h.state().services(), params);
        ComputedWorkReport c = computation.get().compute(params, services, b.pkg(), b.extrinsics(), in, core);
        List<ValidatorSignature> sigs = new ArrayList<>();
        for (int v : own) {
            sigs.add(GuaranteeSigning.sign(params, c.report(), v, keys.secretOf(h.state().kappa(), v)));
        }
        LOG.info("refined package {} on core {} (report {})", c.report().packageSpec().hash(), core,
                c.report().hash(params));
        return new Accepted(c.report().packageSpec().hash(), c, sigs, h, core, c.bundle());
    }

    /**
     * Shares the bundle with the core's other guarantors (CE 134), collects their signatures and, with two or more,
     * builds the guarantee and hands it to the pool, the validators (CE 135) and availability.
     *
     * @return the guarantee, or empty when fewer than two guarantors signed
     */
    public Optional<ReportGuarantee> complete(Accepted a) {
        return collection.complete(a);
    }

    /**
     * CE 134 as a co-guarantor: checks that this node guarantees {@code core}, computes Ξ on the bundle and signs.
     *
     * @throws WorkReportException when this node does not guarantee the core or Ξ refuses the package
     * @throws CodecException      when the bundle is malformed
     */
    public ShareResponse refineShared(int core, byte[] bundle) {
        if (core < 0 || core >= params.coresCount()) {
            throw new WorkReportException("core " + core + " does not exist (C = " + params.coresCount() + ")");
        }
        WorkPackageBundle b = intake.checkSize(WorkPackageBundle.decode(bundle, params));
        Head h = head.get().orElseThrow(() -> new WorkReportException("this node has no chain yet"));
        List<Integer> own = keys.ownCoGuarantors(h, core);
        if (own.isEmpty()) {
            throw new WorkReportException("this node is not a guarantor of core " + core + " at slot "
                    + h.state().tau() + " nor in the rotations beside it");
        }
        WorkPackageImports in = WorkPackageImports.NONE;
        if (b.pkg().items().stream().anyMatch(w -> !w.importSegments().isEmpty())) {
            if (imports == null) {
                throw new WorkReportException("the package imports segments, which this guarantor cannot check");
            }
            in = imports.check(h.hash(), b);
        }
        Accepted a = accept(h, core, b, own.subList(0, 1), in);
        remember(a.computed().report(), a.computed().report().hash(params));
        availability.accept(a.computed());
        return new ShareResponse(a.computed().report().hash(params), a.own().getFirst().signature());
    }

    /** CE 135: a guaranteed report from another guarantor; its signatures are checked against κ, then pooled. */
    public void receive(ReportGuarantee g) {
        reception.receive(g);
    }

    /** CE 136: a work report this node guaranteed, signed or received, by its hash. */
    public Optional<WorkReport> report(Hash reportHash) {
        synchronized (reports) {
            return Optional.ofNullable(reports.get(reportHash));
        }
    }

    private void remember(WorkReport r, Hash hash) {
        synchronized (reports) {
            reports.put(hash, r);
        }
    }

    /** The validator indices in κ of the head that this node holds keys of and P(η_2, τ) puts on {@code core}. */
    public List<Integer> ownGuarantors(Head h, int core) {
        return keys.ownGuarantors(h, core);
    }

    private static byte[] concat(List<List<byte[]>> xs) {
        int n = 0;
        for (List<byte[]> l : xs) {
            for (byte[] x : l) {
                n += x.length;
            }
        }
        byte[] out = new byte[n];
        int o = 0;
        for (List<byte[]> l : xs) {
            for (byte[] x : l) {
                System.arraycopy(x, 0, out, o, x.length);
                o += x.length;
            }
        }
        return out;
    }
}

package io.jamboree.chainspec.internal;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.codec.Encoder;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.sample.SampleService;
import io.jamboree.keystore.DevKeys;
import io.jamboree.stf.safrole.BandersnatchRing;
import io.jamboree.stf.safrole.SlotKeySequence;
import io.jamboree.types.AccumulatedQueue;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AuthQueues;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.BandersnatchPublic;
import io.jamboree.types.BandersnatchRingCommitment;
import io.jamboree.types.BandersnatchVrfSignature;
import io.jamboree.types.BlockInfo;
import io.jamboree.types.BlsPublic;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.DisputesRecords;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.EpochMark;
import io.jamboree.types.EpochMarkValidator;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.LastAccumulationOutputs;
import io.jamboree.types.Mmr;
import io.jamboree.types.Privileges;
import io.jamboree.types.ReadyQueue;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.SafroleState;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.Statistics;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorActivityRecord;
import io.jamboree.types.ValidatorKey;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.ValidatorMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * The dev genesis of the jam-docs genesis config: genesis header H_0 and genesis state σ_0 whose validators are
 * the first N JIP-5 dev validators ({@link DevKeys}).
 *
 * <p><b>Header</b> (jam-docs "Genesis Block Header"): parent, parent state root and extrinsic hash zero, slot 0,
 * an epoch marker (GP §5.1, eq. 5.10) with zero entropy and tickets entropy and the validators' (Bandersnatch,
 * Ed25519) keys, no tickets marker, no offenders, author index {@value #AUTHOR_INDEX} ("a wildcard"), zero
 * entropy source and seal.
 *
 * <p><b>State</b>, so that it matches the header as the doc asks (τ = slot, η_1 = epoch-mark entropy, η_2 = tickets
 * entropy, γ_P = validators):
 * <ul>
 *   <li>ι = κ = λ = γ_P = the validator keys (GP §6.3); with N &lt; V the remaining V − N keys are null keys
 *       (all zero octets), which seal nothing (GP eq. 6.14 treats zeroed keys like offenders' keys);</li>
 *   <li>γ_Z = O([k_b | k ← γ_P]), the ring root (GP eq. 6.13, Appendix G);</li>
 *   <li>γ_S = F(η_2, κ), the fallback key sequence (GP §6.6, eq. 6.26) with η_2 = 0; γ_A = [];</li>
 *   <li>η = [0, 0, 0, 0], τ = 0;</li>
 *   <li>β: one entry, the genesis block itself (header hash H(H_0), zero accumulation root and state root, no
 *       reports) and an empty accumulation-output belt, as in the public test-vector genesis states;</li>
 *   <li>α: empty authorizer pools; φ: queues of Q zero hashes; χ: every privilege with service 0, no
 *       always-accumulate services; ψ, ρ, ω, ξ, θ empty; π all zero; no service accounts (δ = ∅).</li>
 * </ul>
 * That is {@link #state}, the genesis state of the jam-docs config. The dev chain spec ({@link #spec}, {@code jam
 * gen-spec}, {@code jam run}) adds the sample service to it ({@link #withSampleService}), as the public traces'
 * genesis adds its bootstrap service; the header, and so the genesis hash, are the same.
 */
public final class DevGenesis {
    /**
     * H_I of the genesis header (jam-docs genesis config: "use 0xffff as a wildcard"; its "Expected hash"
     * 0x2531a16f… and the public traces' genesis have it). The same doc's list of spec hashes (tiny 0xe864d485…,
     * full 0x57f075e6…) comes from an earlier revision of its header JSON with author index 0:
     * {@link #header(ChainParams, List, int)} gives either.
     */
    public static final int AUTHOR_INDEX = 0xffff;

    /** The sample service's balance at genesis: 2^40, far above its threshold as its storage grows. */
    public static final long SAMPLE_BALANCE = 1L << 40;

    /** The sample service's minimum gas per work item and per memo (g and m of GP eq. 9.3). */
    public static final long SAMPLE_MIN_GAS = 10;

    /** The id of a dev spec is this and the parameters' name. */
    public static final String ID_PREFIX = "jamboree-dev-";

    /** η of the dev genesis: four zero hashes (jam-docs: η_1 and η_2 match the header's zero entropies). */
    public static final EntropyBuffer ZERO_ENTROPY = new EntropyBuffer(List.of(Hash.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO));

    private DevGenesis() {}

    /** The dev chain spec of {@code p} with all V validators dev validators. */
    public static ChainSpec spec(ChainParams p) {
        return spec(p, p.validatorsCount(), i -> {});
    }

    /**
     * The dev chain spec of {@code p} whose first {@code n} validators are dev validators 0..n-1.
     *
     * @param progress called with the number of validator keys derived so far (for long runs)
     * @throws IllegalArgumentException if n is not in 1..V
     */
    public static ChainSpec spec(ChainParams p, int n, IntConsumer progress) {
        List<ValidatorKey> keys = validators(p, n, progress);
        Header header = header(p, keys);
        ChainState state = withSampleService(p, state(p, keys, header.hash(p), ringRoot(keys), ZERO_ENTROPY));
        return new ChainSpec(ID_PREFIX + p.name(), List.of(), p, header, StateCodec.encodeList(state, p));
    }

    /** V validator keys: dev validators 0..n-1, then null keys. */
    public static List<ValidatorKey> validators(ChainParams p, int n, IntConsumer progress) {
        if (n < 1 || n > p.validatorsCount()) {
            throw new IllegalArgumentException("a " + p.name() + " chain has " + p.validatorsCount()
                    + " validators: the dev validators must be 1.." + p.validatorsCount() + ", got " + n);
        }
        List<ValidatorKey> keys = new ArrayList<>(p.validatorsCount());
        for (int i = 0; i < n; i++) {
            keys.add(DevKeys.validatorKey(i));
            progress.accept(i + 1);
        }
        ValidatorKey none = new ValidatorKey(new BandersnatchPublic(new byte[32]), new Ed25519Public(new byte[32]),
                new BlsPublic(new byte[BlsPublic.SIZE]), new ValidatorMetadata(new byte[ValidatorMetadata.SIZE]));
        while (keys.size() < p.validatorsCount()) {
            keys.add(none);
        }
        return keys;
    }

    /** The genesis header H_0 of the class comment. */
    public static Header header(ChainParams p, List<ValidatorKey> keys) {
        return header(p, keys, AUTHOR_INDEX);
    }

    /** The genesis header H_0 of the class comment with another author index (u16). */
    public static Header header(ChainParams p, List<ValidatorKey> keys, int authorIndex) {
        List<EpochMarkValidator> mark = new ArrayList<>(keys.size());
        for (ValidatorKey k : keys) {
            mark.add(new EpochMarkValidator(k.bandersnatch(), k.ed25519()));
        }
        BandersnatchVrfSignature zero = new BandersnatchVrfSignature(new byte[BandersnatchVrfSignature.SIZE]);
        return new Header(Hash.ZERO, Hash.ZERO, Hash.ZERO, 0, new EpochMark(Hash.ZERO, Hash.ZERO, mark), null,
                authorIndex, zero, List.of(), zero);
    }

    /** γ_Z: the ring root over the keys' Bandersnatch parts (GP eq. 6.13). */
    public static byte[] ringRoot(List<ValidatorKey> keys) {
        List<byte[]> ring = new ArrayList<>(keys.size());
        for (ValidatorKey k : keys) {
            ring.add(k.bandersnatch().bytes());
        }
        return BandersnatchRing.shared().ringRoot(ring);
    }

    /**
     * σ_0 with the sample service ({@link SampleService}) deployed under {@link SampleService#ID}: its account
     * (GP eq. 9.3) with code hash c = H(code preimage) and a balance far above its threshold, both preimages (the
     * service code and the accepting authorizer) in p with their requests l[(h, |p|)] = [0] (available since slot
     * 0, so historical lookups Λ at any anchor find them, GP eq. 9.7), footprint a_i = 2·|l|, a_o = Σ (81 + z)
     * (GP eq. 9.8); and the authorizer hash H(u ⌢ []) (GP §8.1) as the one entry of every pool in α and every
     * entry of every queue in φ, so that it stays in the pools as they rotate (GP eq. 8.2).
     *
     * @throws IllegalArgumentException if σ_0 already has a service under that id
     */
    public static ChainState withSampleService(ChainParams p, ChainState s) {
        long id = SampleService.ID;
        if (s.services().containsKey(StateKey.serviceAccount(id))) {
            throw new IllegalArgumentException("the genesis state already has a service " + id);
        }
        byte[] code = SampleService.codePreimage();
        byte[] auth = SampleService.authorizerPreimage();
        TreeMap<StateKey, byte[]> delta = new TreeMap<>(s.services());
        long octets = 0;
        for (byte[] preimage : List.of(code, auth)) {
            byte[] h = Blake2b256.hash(preimage);
            delta.put(StateKey.preimage(id, h), preimage);
            delta.put(StateKey.request(id, h, preimage.length), new Encoder().natural(1).u32(0).toByteArray());
            octets += 81 + preimage.length;
        }
        ServiceInfo info = new ServiceInfo(0, SampleService.codeHash(), SAMPLE_BALANCE, SAMPLE_MIN_GAS,
                SAMPLE_MIN_GAS, octets, 0, 4, 0, 0, 0);
        Encoder e = new Encoder();
        info.encode(e, p);
        delta.put(StateKey.serviceAccount(id), e.toByteArray());
        Hash a = SampleService.authorizerHash();
        List<List<Hash>> pools = new ArrayList<>(p.coresCount());
        List<List<Hash>> queues = new ArrayList<>(p.coresCount());
        for (int c = 0; c < p.coresCount(); c++) {
            pools.add(List.of(a));
            queues.add(Collections.nCopies(p.authQueueSize(), a));
        }
        return new ChainState(new AuthPools(pools), new AuthQueues(queues), s.beta(), s.gamma(), s.psi(), s.eta(),
                s.iota(), s.kappa(), s.lambda(), s.rho(), s.tau(), s.chi(), s.pi(), s.omega(), s.xi(), s.theta(), delta);
    }

    /**
     * The genesis state σ_0 of the class comment for the given entropy η ({@link #ZERO_ENTROPY} for the dev
     * genesis); γ_S is F(η_2, κ).
     */
    public static ChainState state(ChainParams p, List<ValidatorKey> keys, Hash genesisHash, byte[] ringRoot,
            EntropyBuffer eta) {
        int c = p.coresCount();
        int e = p.epochLength();
        ValidatorKeys set = new ValidatorKeys(keys);
        Hash eta2 = eta.entropy().get(2);
        List<BandersnatchPublic> fallback = SlotKeySequence.fallback(eta2.bytes(), keys, e);
        SafroleState gamma = new SafroleState(set, new BandersnatchRingCommitment(ringRoot),
                new TicketsOrKeys.Keys(fallback), List.of());
        List<List<Hash>> pools = new ArrayList<>(c);
        List<List<Hash>> queues = new ArrayList<>(c);
        for (int i = 0; i < c; i++) {
            pools.add(List.of());
            queues.add(Collections.nCopies(p.authQueueSize(), Hash.ZERO));
        }
        RecentBlocks beta = new RecentBlocks(List.of(new BlockInfo(genesisHash, Hash.ZERO, Hash.ZERO, List.of())),
                Mmr.EMPTY);
        Statistics pi = new Statistics(Collections.nCopies(keys.size(), ValidatorActivityRecord.ZERO),
                Collections.nCopies(keys.size(), ValidatorActivityRecord.ZERO),
                Collections.nCopies(c, CoreActivityRecord.ZERO), List.of());
        return new ChainState(new AuthPools(pools), new AuthQueues(queues), beta, gamma, DisputesRecords.EMPTY,
                eta, set, set, set,
                AvailabilityAssignments.empty(p), 0, new Privileges(0, new long[c], 0, 0, List.of()), pi,
                new ReadyQueue(Collections.nCopies(e, List.of())), new AccumulatedQueue(Collections.nCopies(e, List.of())),
                LastAccumulationOutputs.EMPTY, new TreeMap<>());
    }
}

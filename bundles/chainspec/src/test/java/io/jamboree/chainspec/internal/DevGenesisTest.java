package io.jamboree.chainspec.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.codec.Decoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.core.vectors.VectorsFolder;
import io.jamboree.stf.state.ChainState;
import io.jamboree.stf.state.StateCodec;
import io.jamboree.merkle.StateKey;
import io.jamboree.sample.SampleService;
import io.jamboree.stf.safrole.SlotKeySequence;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.EpochMark;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.TicketsOrKeys;
import io.jamboree.types.ValidatorKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tiny dev genesis against published data: the genesis header hashes of jam-docs genesis-config.md and the
 * genesis state of the public traces (jam-test-vectors 0.7.2, traces/fallback/genesis.bin), which use the same six
 * dev validators.
 */
class DevGenesisTest {
    private static final ChainParams TINY = ChainParams.tiny();

    /** genesis-config.md, "Expected hash" right below the genesis header JSON (author_index 0xffff). */
    private static final String EXPECTED_HASH = "0x2531a16fa6717458a12d8252381223aad7cd9f9a75e07adb3a413b8320da62bf";
    /**
     * genesis-config.md, "All Specs": Tiny. The same header with author_index 0, as the doc's earlier revision
     * of the header JSON had it (the list was not updated when the JSON changed to 0xffff).
     */
    private static final String TINY_LISTED_HASH = "0xe864d485113737c28c2fef3b2aed39cb2f289a369b15c54e9c44720bcfdc0ca0";

    private static ChainSpec spec;
    private static List<ValidatorKey> keys;

    @BeforeAll
    static void build() {
        spec = DevGenesis.spec(TINY);
        keys = DevGenesis.validators(TINY, 6, i -> {});
    }

    @Test
    void tinyGenesisHeaderHashIsThePublishedOne() {
        assertEquals(EXPECTED_HASH, spec.genesisHash().hex());
        Header h = spec.genesisHeader();
        Header authorZero = new Header(h.parent(), h.parentStateRoot(), h.extrinsicHash(), h.slot(), h.epochMark(),
                h.ticketsMark(), 0, h.entropySource(), h.offendersMark(), h.seal());
        assertEquals(TINY_LISTED_HASH, authorZero.hash(TINY).hex());
    }

    @Test
    void headerAgreesWithState() {
        ChainState s = StateCodec.decode(spec.genesisState(), TINY);
        EpochMark em = spec.genesisHeader().epochMark();
        assertEquals(spec.genesisHeader().slot(), s.tau());
        assertEquals(em.entropy(), s.eta().get(1));
        assertEquals(em.ticketsEntropy(), s.eta().get(2));
        for (int i = 0; i < 6; i++) {
            assertEquals(em.validators().get(i).bandersnatch(), s.gamma().pendingValidators().get(i).bandersnatch());
            assertEquals(em.validators().get(i).ed25519(), s.gamma().pendingValidators().get(i).ed25519());
        }
        assertEquals(spec.genesisHash(), s.beta().history().getFirst().headerHash());
    }

    /**
     * Key by key against the traces' genesis state. The traces' genesis differs from the dev genesis in three
     * legitimate ways, each checked here rather than skipped:
     * <ol>
     *   <li>entropy: the traces' η and header entropies are not zero, so η (C6) differs and with it γ_S inside γ
     *       (C4); built with the traces' entropy, η and γ equal theirs octet for octet (γ_P and the ring root γ_Z
     *       are equal in any case). Their γ_S is F(r, κ) with r their header's tickets entropy, which their η_2
     *       does not equal, though the genesis config says it should; in the dev genesis both are zero;</li>
     *   <li>the genesis header: theirs carries non-zero epoch-mark entropies, so its hash, the only header hash in
     *       β (C3), differs; built with their header hash, β equals theirs;</li>
     *   <li>the bootstrap service: the traces start with service 0 ("jam-bootstrap-service") and its code, so
     *       their δ has keys the dev genesis lacks, and their authorizer pools α (C1) and queues φ (C2) hold its
     *       authorizer hash where the dev spec's hold the sample service's; the dev spec's δ has the sample
     *       service's keys instead (without it, the dev genesis has no key they lack).</li>
     * </ol>
     * Every other key (C5, C7-C16) is equal as built.
     */
    @Test
    void stateEqualsTheTracesGenesisKeyByKey() throws Exception {
        Path file = VectorsFolder.require("jam-test-vectors-0.7.2/traces/fallback").resolve("genesis.bin");
        Decoder d = new Decoder(Files.readAllBytes(file));
        Header theirHeader = Header.decode(d, TINY);
        Hash theirRoot = Hash.decode(d);
        NavigableMap<StateKey, byte[]> theirs = new TreeMap<>();
        long n = d.natural();
        for (long i = 0; i < n; i++) {
            theirs.put(StateKey.ofBytes(d.bytes(StateKey.LENGTH, "key")), d.blob("value"));
        }
        d.expectEnd();
        assertEquals(theirRoot, StateCodec.root(theirs), "the traces' own root");

        // their header is ours but for the epoch-mark entropies
        Header ours = spec.genesisHeader();
        EpochMark em = theirHeader.epochMark();
        Header oursWithTheirEntropies = new Header(ours.parent(), ours.parentStateRoot(), ours.extrinsicHash(),
                ours.slot(), new EpochMark(em.entropy(), em.ticketsEntropy(), ours.epochMark().validators()),
                ours.ticketsMark(), ours.authorIndex(), ours.entropySource(), ours.offendersMark(), ours.seal());
        assertEquals(theirHeader.hash(TINY), oursWithTheirEntropies.hash(TINY), "header");

        NavigableMap<StateKey, byte[]> built = StateCodec.toMap(spec.genesisState());
        Set<Integer> same = new TreeSet<>();
        List<String> differing = new ArrayList<>();
        for (int c = 1; c <= 16; c++) {
            StateKey k = StateKey.of(c);
            if (java.util.Arrays.equals(theirs.get(k), built.get(k))) {
                same.add(c);
            } else {
                differing.add(StateCodec.NAMES[c]);
            }
        }
        assertEquals(Set.of(5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16), same, "components equal as built; differing: " + differing);

        // (1) and (2): built with their entropy and header hash, β, γ and η are theirs. Their γ_S is F(r, κ) with r
        // their header's tickets entropy, which the doc says should equal η_2 but in their state does not: so γ (C4)
        // is rebuilt with η_2 = r, and η (C6) with their η as it stands.
        ChainState theirState = StateCodec.decode(theirs, TINY);
        EntropyBuffer eta = theirState.eta();
        Hash r = em.ticketsEntropy();
        assertNotEquals(r, eta.get(2), "the traces' η_2 and header tickets entropy differ");
        assertEquals(new TicketsOrKeys.Keys(SlotKeySequence.fallback(r.bytes(), keys, TINY.epochLength())),
                theirState.gamma().sealTickets(), "their γ_S is F(tickets entropy, κ)");
        Hash theirHash = theirHeader.hash(TINY);
        byte[] ring = DevGenesis.ringRoot(keys);
        NavigableMap<StateKey, byte[]> withEta = StateCodec.encode(DevGenesis.state(TINY, keys, theirHash, ring, eta), TINY);
        NavigableMap<StateKey, byte[]> withR = StateCodec.encode(DevGenesis.state(TINY, keys, theirHash, ring,
                new EntropyBuffer(List.of(eta.get(0), eta.get(1), r, eta.get(3)))), TINY);
        assertArrayEquals(theirs.get(StateKey.of(3)), withEta.get(StateKey.of(3)), "beta");
        assertArrayEquals(theirs.get(StateKey.of(6)), withEta.get(StateKey.of(6)), "eta");
        assertArrayEquals(theirs.get(StateKey.of(4)), withR.get(StateKey.of(4)), "gamma");
        assertEquals(theirState.gamma().epochRoot(), StateCodec.decode(spec.genesisState(), TINY).gamma().epochRoot(),
                "ring root γ_Z");

        // (3): α and φ hold one authorizer hash; the keys only they have are service 0's
        Hash auth = theirState.phi().queues().getFirst().getFirst();
        for (List<Hash> q : theirState.phi().queues()) {
            assertTrue(q.stream().allMatch(auth::equals), "φ is the bootstrap authorizer only");
        }
        for (List<Hash> pool : theirState.alpha().pools()) {
            assertTrue(pool.stream().allMatch(auth::equals), "α is the bootstrap authorizer only");
        }
        for (StateKey k : theirs.keySet()) {
            if (!built.containsKey(k)) {
                assertTrue(serviceZeroKey(k), "extra key " + Hex.encode(k.bytes()) + " is not service 0's");
            }
        }
        // and the keys only the dev spec has are the sample service's (its α and φ differ anyway, see (3))
        int sampleKeys = 0;
        for (StateKey k : built.keySet()) {
            if (!theirs.containsKey(k)) {
                assertTrue(serviceKey(k, SampleService.ID), "key " + Hex.encode(k.bytes()) + " is only in the dev genesis");
                sampleKeys++;
            }
        }
        assertEquals(5, sampleKeys, "the sample service: account, two preimages, two requests");
        // without the sample service, the dev genesis has no key the traces lack
        NavigableMap<StateKey, byte[]> plain = StateCodec.encode(DevGenesis.state(TINY, keys, spec.genesisHash(), ring,
                DevGenesis.ZERO_ENTROPY), TINY);
        for (StateKey k : plain.keySet()) {
            assertTrue(theirs.containsKey(k), "key " + Hex.encode(k.bytes()) + " is only in the plain dev genesis");
        }
    }

    /**
     * The dev spec's sample service (GP eq. 9.3, 9.7, 9.8; §8.1): the account's code hash is H of its code
     * preimage, both preimages are there with requests [0], the footprint counts them, and every pool and queue
     * holds the accepting authorizer's hash H(u ⌢ []).
     */
    @Test
    void devSpecDeploysTheSampleService() {
        ChainState s = StateCodec.decode(spec.genesisState(), TINY);
        byte[] infoBytes = s.services().get(StateKey.serviceAccount(SampleService.ID));
        ServiceInfo info = ServiceInfo.decode(new Decoder(infoBytes), TINY);
        byte[] code = SampleService.codePreimage();
        byte[] auth = SampleService.authorizerPreimage();
        assertEquals(new Hash(Blake2b256.hash(code)), info.codeHash());
        assertEquals(4, info.items());
        assertEquals(81 + code.length + 81 + auth.length, info.bytes());
        for (byte[] pre : List.of(code, auth)) {
            byte[] h = Blake2b256.hash(pre);
            assertArrayEquals(pre, s.services().get(StateKey.preimage(SampleService.ID, h)));
            assertArrayEquals(new byte[] {1, 0, 0, 0, 0}, s.services().get(StateKey.request(SampleService.ID, h, pre.length)));
        }
        Hash a = new Hash(Blake2b256.hash(Blake2b256.hash(auth)));
        for (int c = 0; c < TINY.coresCount(); c++) {
            assertEquals(List.of(a), s.alpha().pool(c));
            assertEquals(TINY.authQueueSize(), s.phi().queue(c).size());
            assertTrue(s.phi().queue(c).stream().allMatch(a::equals));
        }
        assertThrows(IllegalArgumentException.class, () -> DevGenesis.withSampleService(TINY, s));
    }

    /** C(255, 0) or an interleaved service-0 key C(0, h) (GP Appendix D.1: octets 0, 2, 4, 6 are E_4(0)). */
    private static boolean serviceZeroKey(StateKey k) {
        return serviceKey(k, 0);
    }

    /** C(255, s) or an interleaved key C(s, h) of service s (GP Appendix D.1: octets 0, 2, 4, 6 are E_4(s)). */
    private static boolean serviceKey(StateKey k, long service) {
        byte[] b = k.bytes();
        if (k.equals(StateKey.serviceAccount(service))) {
            return true;
        }
        return b[0] == (byte) service && b[2] == (byte) (service >>> 8) && b[4] == (byte) (service >>> 16)
                && b[6] == (byte) (service >>> 24);
    }

    @Test
    void fewerDevValidatorsThanV() {
        ChainSpec four = DevGenesis.spec(TINY, 4, i -> {});
        ChainState s = StateCodec.decode(four.genesisState(), TINY);
        assertEquals(spec.genesisState().size(), four.genesisState().size());
        assertArrayEquals(new byte[32], s.kappa().get(5).ed25519().bytes());
        assertEquals(keys.get(3), s.kappa().get(3));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DevGenesis.validators(TINY, 7, i -> {}));
        assertTrue(e.getMessage().contains("1..6"), e.getMessage());
    }
}

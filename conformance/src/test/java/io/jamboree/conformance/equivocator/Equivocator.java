package io.jamboree.conformance.equivocator;

import io.jamboree.crypto.Ed25519;
import io.jamboree.importer.BestChain;
import io.jamboree.grandpa.FinalizedBlock;
import io.jamboree.grandpa.FinalizedHead;
import io.jamboree.importer.BlockImporter;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.Network;
import io.jamboree.network.PeerInfo;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * TEST ONLY, never shipped: a byzantine GRANDPA voter for the multi-node finality test, deployed as a plugin bundle
 * (built by the test from this package) into one validator node. In every round of the node's GRANDPA voter it signs,
 * with the node's validator key, two different prevotes (one for the finalized block, one for the best head) and
 * sends both over CE 149 to every connected peer, beside the honest prevote of the node's own voter. The honest nodes
 * must detect the equivocation and go on finalizing.
 *
 * <p>The vote message and signing payload are written out here from spec/grandpa.md §5.1-§5.2 (the grandpa bundle
 * keeps its codec internal): {@code round u64 ++ set id u32 ++ type u8 ++ header hash ++ state root ++ slot u32 ++
 * Ed25519 signature ++ voter key}; the signature covers {@code "jam_grandpa_vote" ++ type ++ header hash ++ state root
 * ++ slot u32 ++ round u64 ++ set id u32}.
 */
@Component(immediate = true, service = {})
public final class Equivocator {
    private static final StreamKind CE_VOTE = StreamKind.of(149);
    private static final byte PREVOTE = 0;

    private final Network network;
    private final FinalizedHead finality;
    private final BestChain best;
    private final BlockImporter importer;
    private final Keystore keystore;
    private final Thread loop;
    private volatile boolean running = true;

    @Activate
    public Equivocator(@Reference Network network, @Reference FinalizedHead finality, @Reference BestChain best,
            @Reference BlockImporter importer, @Reference Keystore keystore) {
        this.network = network;
        this.finality = finality;
        this.best = best;
        this.importer = importer;
        this.keystore = keystore;
        this.loop = Thread.ofPlatform().daemon().name("test-equivocator").start(this::run);
        System.out.println("equivocator: active (TEST ONLY)");
    }

    @Deactivate
    void stop() {
        running = false;
        loop.interrupt();
    }

    private void run() {
        long lastRound = -1;
        long lastSet = -1;
        while (running) {
            try {
                Thread.sleep(150);
                long set = finality.setId();
                long round = finality.round();
                if (round == lastRound && set == lastSet || keystore.validators().isEmpty()) {
                    continue;
                }
                FinalizedBlock f = finality.finalized();
                Optional<Hash> head = best.bestHead();
                if (head.isEmpty() || head.get().equals(f.hash())) {
                    continue; // one block to vote for: nothing to equivocate with yet
                }
                Optional<Header> hh = importer.header(head.get());
                Optional<Hash> fRoot = importer.stateRoot(f.hash());
                Optional<Hash> hRoot = importer.stateRoot(head.get());
                if (hh.isEmpty() || fRoot.isEmpty() || hRoot.isEmpty()) {
                    continue;
                }
                ValidatorSecrets me = keystore.validators().get(0);
                byte[] a = vote(me, round, set, f.hash(), fRoot.get(), f.slot());
                byte[] b = vote(me, round, set, head.get(), hRoot.get(), hh.get().slot());
                int sent = 0;
                for (PeerInfo p : network.peers()) {
                    if (send(p, a) && send(p, b)) {
                        sent++;
                    }
                }
                lastRound = round;
                lastSet = set;
                System.out.printf("equivocator: round %d of set %d: two prevotes (slots %d and %d) sent to %d peers%n",
                        round, set, f.slot(), hh.get().slot(), sent);
                System.out.flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("equivocator: " + e);
            }
        }
    }

    private boolean send(PeerInfo p, byte[] m) {
        Stream s = null;
        try {
            s = network.openStream(p.id(), CE_VOTE).toCompletableFuture().get(5, TimeUnit.SECONDS);
            s.write(m);
            s.finish();
            s.readFin();
            return true;
        } catch (Exception e) {
            if (s != null) {
                s.reset("equivocator send failed");
            }
            return false;
        }
    }

    /** A CE 149 message: a prevote by {@code me} for the block {@code header} in {@code round} of {@code set}. */
    static byte[] vote(ValidatorSecrets me, long round, long set, Hash header, Hash stateRoot, long slot) {
        byte[] payload = new byte[97];
        System.arraycopy("jam_grandpa_vote".getBytes(StandardCharsets.US_ASCII), 0, payload, 0, 16);
        payload[16] = PREVOTE;
        System.arraycopy(header.bytes(), 0, payload, 17, 32);
        System.arraycopy(stateRoot.bytes(), 0, payload, 49, 32);
        le(payload, 81, slot, 4);
        le(payload, 85, round, 8);
        le(payload, 93, set, 4);
        byte[] sig = Ed25519.sign(me.ed25519SecretSeed(), payload);
        byte[] m = new byte[177];
        le(m, 0, round, 8);
        le(m, 8, set, 4);
        m[12] = PREVOTE;
        System.arraycopy(header.bytes(), 0, m, 13, 32);
        System.arraycopy(stateRoot.bytes(), 0, m, 45, 32);
        le(m, 77, slot, 4);
        System.arraycopy(sig, 0, m, 81, 64);
        System.arraycopy(me.ed25519Public(), 0, m, 145, 32);
        return m;
    }

    private static void le(byte[] b, int off, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}

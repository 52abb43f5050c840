package io.jamboree.availability.internal;

import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.author.pool.Submission;
import io.jamboree.availability.internal.AvailabilityMessages.PreimageAnnouncement;
import io.jamboree.availability.preimages.PreimageDistribution;
import io.jamboree.codec.CodecException;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.merkle.StateKey;
import io.jamboree.network.Grid;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import io.jamboree.types.Preimage;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preimage distribution (GP 0.7.2 §12.4; JAMNP-S CE 142 announcement, CE 143 request). An announced preimage is
 * fetched from the announcer when the best head's state solicits it (its request entry {@code a_l[(h, l)]} is the
 * empty sequence, GP eq. 12.38) and this node does not hold it; it is checked (Blake2b hash and length), kept in the
 * node store, submitted to the {@link ExtrinsicPool} and announced to the grid neighbours among the current
 * validators.
 */
@Component(service = {PreimageDistribution.class, Preimages.class})
public final class Preimages implements PreimageDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(Preimages.class);
    static final StreamKind CE_142 = StreamKind.of(142);
    static final StreamKind CE_143 = StreamKind.of(143);

    private final AvailabilityComponent availability;
    private final ExtrinsicPool pool;

    @Activate
    public Preimages(@Reference AvailabilityComponent availability, @Reference ExtrinsicPool pool) {
        this.availability = availability;
        this.pool = pool;
    }

    @Override
    public Hash provide(long service, byte[] preimage) {
        Hash h = new Hash(Blake2b256.hash(preimage));
        keep(service, h, preimage);
        return h;
    }

    @Override
    public Optional<byte[]> preimage(Hash hash) {
        return availability.service().store().preimage(hash).map(AvailabilityStore.StoredPreimage::preimage);
    }

    private void keep(long service, Hash h, byte[] preimage) {
        availability.service().store().putPreimage(h, service, preimage);
        Submission s = pool.submitPreimage(new Preimage(service, new Blob(preimage)));
        LOG.info("preimages: {} of {} octets for service {}: pool {}", h, preimage.length, service, s);
        announce(new PreimageAnnouncement(service, h, preimage.length));
    }

    /** CE 142 to the grid neighbours among the current validators (all of them when this node is not one). */
    private void announce(PreimageAnnouncement a) {
        Optional<Network> n = availability.network();
        if (n.isEmpty()) {
            return;
        }
        List<PeerId> vs = availability.service().peersValidators();
        PeerId me = n.get().localId();
        int mine = vs.indexOf(me);
        Grid grid = vs.isEmpty() ? null : new Grid(vs.size());
        byte[] msg = a.encode();
        for (int i = 0; i < vs.size(); i++) {
            PeerId p = vs.get(i);
            if (p.equals(me) || (mine >= 0 && !grid.neighbours(mine, i))) {
                continue;
            }
            Thread.ofVirtual().name("jam-preimage-announce").start(() -> {
                try {
                    Stream s = n.get().openStream(p, CE_142).toCompletableFuture().get(5, TimeUnit.SECONDS);
                    s.write(msg);
                    s.finish();
                    s.readFin();
                } catch (Exception e) {
                    LOG.debug("preimages: CE 142 to {} failed: {}", p, e.toString());
                }
            });
        }
    }

    /** CE 142 received: {@code --> Service ID ++ Hash ++ Preimage Length, FIN; <-- FIN}; then maybe CE 143. */
    void announced(Stream stream) throws Exception {
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException("CE 142: FIN without an announcement");
        }
        stream.readFin();
        PreimageAnnouncement a;
        try {
            a = PreimageAnnouncement.decode(m);
        } catch (CodecException e) {
            throw new ProtocolViolationException("CE 142: " + e.getMessage(), e);
        }
        stream.finish();
        if (availability.service().store().preimage(a.hash()).isPresent()) {
            return;
        }
        Optional<String> why = unsolicited(a);
        if (why.isPresent()) {
            LOG.debug("preimages: announcement of {} by {} ignored: {}", a.hash(), stream.peer(), why.get());
            return;
        }
        PeerId from = stream.peer();
        Thread.ofVirtual().name("jam-preimage-fetch").start(() -> fetch(from, a));
    }

    /** Why the best head's state does not solicit the announced preimage, or empty when it does. */
    Optional<String> unsolicited(PreimageAnnouncement a) {
        Optional<AvailabilityComponent.Head> h = availability.head();
        if (h.isEmpty()) {
            return Optional.of("no chain yet");
        }
        StateKey key = StateKey.request(a.service(), a.hash().bytes(), a.length());
        Optional<List<KeyValue>> kvs = availability.importer().state(h.get().hash());
        if (kvs.isEmpty()) {
            return Optional.of("the head's state is not kept");
        }
        for (KeyValue kv : kvs.get()) {
            if (kv.key().equals(key)) {
                return kv.value().length == 1 && kv.value()[0] == 0 ? Optional.empty()
                        : Optional.of("already provided or forgotten");
            }
        }
        return Optional.of("service " + a.service() + " does not request it");
    }

    private void fetch(PeerId from, PreimageAnnouncement a) {
        Optional<Network> n = availability.network();
        if (n.isEmpty()) {
            return;
        }
        try {
            Stream s = n.get().openStream(from, CE_143).toCompletableFuture().get(5, TimeUnit.SECONDS);
            s.write(a.hash().bytes());
            s.finish();
            byte[] p = s.read();
            if (p == null) {
                throw new ProtocolViolationException("CE 143: FIN instead of the preimage");
            }
            s.readFin();
            Optional<String> bad = check(a, p);
            if (bad.isPresent()) {
                LOG.warn("preimages: CE 143 from {} refused: {}", from, bad.get());
                n.get().disconnect(from, "bad preimage: " + bad.get());
                return;
            }
            keep(a.service(), a.hash(), p);
        } catch (Exception e) {
            LOG.info("preimages: cannot fetch {} from {}: {}", a.hash(), from, e.toString());
        }
    }

    /** Why {@code p} is not the announced preimage (hash and length), or empty. */
    static Optional<String> check(PreimageAnnouncement a, byte[] p) {
        if (p.length != a.length()) {
            return Optional.of("preimage of " + p.length + " octets, announced " + a.length());
        }
        byte[] h = Blake2b256.hash(p);
        if (!Arrays.equals(h, a.hash().bytes())) {
            return Optional.of("preimage hashes to " + new Hash(h) + ", not " + a.hash());
        }
        return Optional.empty();
    }

    /** CE 143 served: {@code --> Hash, FIN; <-- Preimage, FIN}. */
    void serve(Stream stream) throws Exception {
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException("CE 143: FIN without a hash");
        }
        stream.readFin();
        Hash h;
        try {
            h = AvailabilityMessages.decodeHash(m, "CE 143 hash");
        } catch (CodecException e) {
            throw new ProtocolViolationException(e.getMessage(), e);
        }
        Optional<AvailabilityStore.StoredPreimage> p = availability.service().store().preimage(h);
        if (p.isEmpty()) {
            stream.reset("CE 143: no preimage of " + h);
            return;
        }
        stream.write(p.get().preimage());
        stream.finish();
    }
}

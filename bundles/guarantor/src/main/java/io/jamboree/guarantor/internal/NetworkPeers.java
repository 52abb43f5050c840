package io.jamboree.guarantor.internal;

import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamKind;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.ReportGuarantee;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The guarantor's requests over JAMNP-S: CE 133 (forward), CE 134 (share) and CE 135 (distribute). */
final class NetworkPeers implements GuarantorNode.Peers {
    static final StreamKind CE_133 = StreamKind.of(133);
    static final StreamKind CE_134 = StreamKind.of(134);
    static final StreamKind CE_135 = StreamKind.of(135);
    static final StreamKind CE_136 = StreamKind.of(136);
    static final StreamKind CE_146 = StreamKind.of(146);

    private static final Logger LOG = LoggerFactory.getLogger(NetworkPeers.class);
    private static final long OPEN_TIMEOUT_S = 5;

    private final ChainParams params;
    private final Supplier<Network> network;

    NetworkPeers(ChainParams params, Supplier<Network> network) {
        this.params = params;
        this.network = network;
    }

    private Stream open(Ed25519Public key, StreamKind kind) throws Exception {
        Network n = network.get();
        if (n == null) {
            throw new IllegalStateException("the network is not running");
        }
        PeerId id = new PeerId(key.bytes());
        if (n.peer(id).isEmpty()) {
            throw new IllegalStateException("not connected to " + id);
        }
        return n.openStream(id, kind).toCompletableFuture().get(OPEN_TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Override
    public GuarantorNode.ShareResponse share(Ed25519Public key, int core, byte[] bundle) throws Exception {
        Stream s = open(key, CE_134);
        try {
            s.write(GuarantorMessages.coreWithoutMappings(core));
            s.write(bundle);
            s.finish();
            GuarantorNode.ShareResponse r = GuarantorMessages.shareResponse(s.read());
            s.readFin();
            return r;
        } catch (Exception e) {
            s.reset("CE 134 failed: " + e.getMessage());
            throw e;
        }
    }

    @Override
    public void distribute(ReportGuarantee guarantee, List<Ed25519Public> keys) {
        if (network.get() == null) {
            return; // no network (a single node holding every validator): nothing to send
        }
        Encoder e = new Encoder();
        guarantee.encode(e, params);
        byte[] m = e.toByteArray();
        for (Ed25519Public key : keys) {
            Thread.ofVirtual().name("guarantor-ce135").start(() -> {
                try {
                    Stream s = open(key, CE_135);
                    s.write(m);
                    s.finish();
                    s.readFin();
                } catch (Exception x) {
                    LOG.info("CE 135 to {} failed: {}", new PeerId(key.bytes()), x.toString());
                }
            });
        }
    }

    @Override
    public void forward(Ed25519Public key, int core, byte[] encodedPackage, byte[] extrinsicData) throws Exception {
        Stream s = open(key, CE_133);
        try {
            s.write(GuarantorMessages.submission(core, encodedPackage));
            s.write(extrinsicData);
            s.finish();
            s.readFin();
        } catch (Exception e) {
            s.reset("CE 133 failed: " + e.getMessage());
            throw e;
        }
    }
}

package io.jamboree.network.internal;

import io.jamboree.core.Hex;
import io.jamboree.keystore.Keystore;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.network.Network;
import io.jamboree.network.PeerId;
import io.jamboree.network.PeerInfo;
import io.jamboree.network.PeerListener;
import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import io.jamboree.network.StreamKind;
import io.jamboree.network.ValidatorPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.Constants;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Network} service: a {@link JamnpNetwork} configured by PID {@value Network#PID} (see {@link Network}
 * for the properties), on the key of a keystore validator, with the {@link StreamHandler} and {@link PeerListener}
 * services of the framework (whiteboard). Starts only once configured, as the genesis hash names the chain.
 */
@Component(service = Network.class, configurationPid = Network.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = NetworkComponent.Config.class)
public final class NetworkComponent implements Network {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkComponent.class);

    @ObjectClassDefinition(name = "Jamboree JAMNP-S network")
    public @interface Config {
        @AttributeDefinition(description = "genesis header hash, hex; names the chain in the ALPN")
        String genesisHash();

        @AttributeDefinition(description = "UDP port")
        int port() default Network.DEFAULT_PORT;

        @AttributeDefinition(description = "address to listen on")
        String listen() default "0.0.0.0";

        @AttributeDefinition(description = "Ed25519 public key (hex) of the keystore validator whose key to use; "
                + "empty: the first one, or a random key without validators")
        String key() default "";

        @AttributeDefinition(description = "bootnodes NAME@IP:PORT")
        String[] bootnodes() default {};

        @AttributeDefinition(description = "longest wait for a CE message or the rest of a message, ms")
        long streamTimeoutMs() default 10_000;

        @AttributeDefinition(description = "protocol violations after which a peer is disconnected")
        int maxViolations() default 10;

        @AttributeDefinition(description = "Linux epoll with UDP GSO/GRO when available (else Java NIO); false: NIO")
        boolean nativeTransport() default true;
    }

    private final StreamHandlers handlers = new StreamHandlers();
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();
    private final JamnpNetwork network;

    @Activate
    public NetworkComponent(Config config, @Reference Keystore keystore) throws Exception {
        NetworkSettings s = settings(config, keystore);
        this.network = new JamnpNetwork(s, handlers, listeners);
        LOG.info("JAMNP-S node {} on {}, bootnode string {}", network.localId().altName(), network.localAddress(),
                network.bootnode());
    }

    static NetworkSettings settings(Config config, Keystore keystore) throws GeneralSecurityException {
        String g = config.genesisHash();
        if (g == null || g.isBlank()) {
            throw new IllegalArgumentException(Network.PID + ": genesisHash is required");
        }
        byte[] genesis = Hex.decode(g.strip());
        NodeCertificate identity = identity(config.key(), keystore);
        if (config.port() < 0 || config.port() > 0xffff) {
            throw new IllegalArgumentException(Network.PID + ": bad port " + config.port());
        }
        InetSocketAddress listen;
        try {
            listen = new InetSocketAddress(InetAddress.getByName(config.listen().strip()), config.port());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(Network.PID + ": bad listen address " + config.listen(), e);
        }
        List<Bootnode> boot = new ArrayList<>();
        for (String b : config.bootnodes()) {
            for (String one : b.split("[,\\s]+")) {
                if (!one.isBlank()) {
                    boot.add(Bootnode.parse(one));
                }
            }
        }
        return new NetworkSettings(identity, genesis, listen, boot, config.streamTimeoutMs(), config.maxViolations(), 5_000,
                null, config.nativeTransport());
    }

    private static NodeCertificate identity(String key, Keystore keystore) throws GeneralSecurityException {
        List<ValidatorSecrets> vs = keystore.validators();
        if (key != null && !key.isBlank()) {
            byte[] k = Hex.decode(key.strip());
            for (ValidatorSecrets v : vs) {
                if (java.util.Arrays.equals(v.ed25519Public(), k)) {
                    return NodeCertificate.selfSigned(v.ed25519SecretSeed(), v.ed25519Public());
                }
            }
            throw new IllegalArgumentException(Network.PID + ": the keystore holds no validator with Ed25519 key " + key);
        }
        if (!vs.isEmpty()) {
            ValidatorSecrets v = vs.get(0);
            return NodeCertificate.selfSigned(v.ed25519SecretSeed(), v.ed25519Public());
        }
        // a node that runs no validator: a fresh key of its own
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        ValidatorSecrets fresh = ValidatorSecrets.fromSeed(seed);
        return NodeCertificate.selfSigned(fresh.ed25519SecretSeed(), fresh.ed25519Public());
    }

    @Deactivate
    void deactivate() {
        network.close();
    }

    /** The lazy stand-ins of the bound whiteboard services, by their service objects (see {@link LazyWhiteboard}). */
    private final Map<ComponentServiceObjects<?>, LazyWhiteboard.Lazy<?>> bound = new ConcurrentHashMap<>();

    @Reference(service = StreamHandler.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addStreamHandler(ComponentServiceObjects<StreamHandler> objects, Map<String, Object> props) {
        Integer kind = intProperty(props, StreamHandler.KIND);
        if (kind == null || kind < 0 || kind > 255) {
            LOG.warn("stream handler {} ignored: service property {} must be 0..255, is {}", objects.getServiceReference(),
                    StreamHandler.KIND, props.get(StreamHandler.KIND));
            return;
        }
        Integer max = intProperty(props, StreamHandler.MAX_MESSAGE);
        Integer ranking = intProperty(props, Constants.SERVICE_RANKING);
        LazyWhiteboard.Handler h = new LazyWhiteboard.Handler(objects);
        bound.put(objects, h);
        handlers.add(h, StreamKind.of(kind), max == null ? StreamHandler.DEFAULT_MAX_MESSAGE : max,
                ranking == null ? 0 : ranking);
    }

    void removeStreamHandler(ComponentServiceObjects<StreamHandler> objects) {
        if (bound.remove(objects) instanceof LazyWhiteboard.Handler h) {
            handlers.remove(h);
            h.release();
        }
    }

    @Reference(service = PeerListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPeerListener(ComponentServiceObjects<PeerListener> objects) {
        LazyWhiteboard.Listener l = new LazyWhiteboard.Listener(objects);
        bound.put(objects, l);
        listeners.add(l);
    }

    void removePeerListener(ComponentServiceObjects<PeerListener> objects) {
        if (bound.remove(objects) instanceof LazyWhiteboard.Listener l) {
            listeners.remove(l);
            l.release();
        }
    }

    private static Integer intProperty(Map<String, Object> props, String name) {
        Object v = props.get(name);
        if (v instanceof Number n) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.decode(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code Network[<bootnode string>, N peers]}: a summary launchers and tests can read without the API. */
    @Override
    public String toString() {
        return "Network[" + network.bootnode() + ", " + network.peers().size() + " peers]";
    }

    // ---- Network, by delegation

    @Override
    public PeerId localId() {
        return network.localId();
    }

    @Override
    public InetSocketAddress localAddress() {
        return network.localAddress();
    }

    @Override
    public String alpn() {
        return network.alpn();
    }

    @Override
    public CompletionStage<PeerInfo> connect(InetSocketAddress address, PeerId expected) {
        return network.connect(address, expected);
    }

    @Override
    public List<PeerInfo> peers() {
        return network.peers();
    }

    @Override
    public Optional<PeerInfo> peer(PeerId id) {
        return network.peer(id);
    }

    @Override
    public CompletionStage<Stream> openStream(PeerId peer, StreamKind kind) {
        return network.openStream(peer, kind);
    }

    @Override
    public Optional<Stream> upStream(PeerId peer, StreamKind kind) {
        return network.upStream(peer, kind);
    }

    @Override
    public void disconnect(PeerId peer, String reason) {
        network.disconnect(peer, reason);
    }

    @Override
    public void setValidators(Collection<ValidatorPeer> validators) {
        network.setValidators(validators);
    }

    @Override
    public void refreshUpStreams() {
        network.refreshUpStreams();
    }
}

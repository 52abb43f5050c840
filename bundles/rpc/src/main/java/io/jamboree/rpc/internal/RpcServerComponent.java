package io.jamboree.rpc.internal;

import io.jamboree.author.pool.ExtrinsicPool;
import io.jamboree.importer.BlockImporter;
import io.jamboree.rpc.FinalizedHead;
import io.jamboree.rpc.RpcEndpoint;
import io.jamboree.rpc.WorkPackageSubmitter;
import io.jamboree.author.AuthoredBlock;
import io.jamboree.network.Network;
import io.jamboree.network.PeerInfo;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JIP-2 RPC server of the node: runs while configuration PID {@value RpcEndpoint#PID} exists ({@code jam run}
 * sets it from {@code --rpc-port} and {@code --rpc-listen}), over the node's {@link BlockImporter}; it takes
 * preimages into the author's {@link ExtrinsicPool} and work-packages into a {@link WorkPackageSubmitter} when those
 * services exist, and asks a {@link FinalizedHead} service for the finalized block when there is one.
 */
@Component(service = RpcEndpoint.class, configurationPid = RpcEndpoint.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = RpcConfig.class)
public final class RpcServerComponent implements RpcEndpoint, HeadEvents {
    private static final Logger LOG = LoggerFactory.getLogger(RpcServerComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ExtrinsicPool pool;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile WorkPackageSubmitter workPackages;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile FinalizedHead finality;

    /** GRANDPA (jam-grandpa), when the node runs a network: the finalized block. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile io.jamboree.grandpa.FinalizedHead grandpa;

    /** The JAMNP-S network, when the node runs one: the peers the dashboard shows. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Network network;

    /** Config Admin: {@code jam_setLogLevel} changes PID io.jamboree.log through it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.osgi.service.cm.ConfigurationAdmin configAdmin;

    private final RpcNode node;
    private final RpcEvents events;

    @Activate
    public RpcServerComponent(@Reference BlockImporter importer, @Reference RpcEvents events, RpcConfig config)
            throws InterruptedException {
        this.events = events;
        InetSocketAddress bind = new InetSocketAddress(config.listen(), config.port());
        try {
            node = new RpcNode(importer, bind, config.maxPendingBytes(), config.maxSubscriptions(),
                    () -> Optional.ofNullable(pool), () -> Optional.ofNullable(workPackages),
                    this::finalizedHead, new NodeActivity(this::peers,
                    new LogLevelControl(() -> Optional.ofNullable(configAdmin))));
        } catch (RuntimeException e) {
            LOG.error("JIP-2 RPC: cannot listen on {}: {} (is another node using the port? give --rpc-port)", bind, e.toString());
            throw e;
        }
        LOG.info("JIP-2 RPC listening on {}", node.url());
        events.register(this);
    }

    /** A registered FinalizedHead of this API, else GRANDPA's finalized block. */
    private Optional<FinalizedHead> finalizedHead() {
        FinalizedHead f = finality;
        if (f != null) {
            return Optional.of(f);
        }
        io.jamboree.grandpa.FinalizedHead g = grandpa;
        return g == null ? Optional.empty() : Optional.of(() -> Optional.of(g.finalized().hash()));
    }

    private List<NodeActivity.Peer> peers() {
        Network n = network;
        if (n == null) {
            return List.of();
        }
        List<NodeActivity.Peer> out = new ArrayList<>();
        for (PeerInfo p : n.peers()) {
            String host = p.address().getAddress() == null ? p.address().getHostString() : p.address().getAddress().getHostAddress();
            out.add(new NodeActivity.Peer(p.id().key(), p.id().altName(), host + ":" + p.address().getPort(),
                    p.validatorIndex().orElse(-1), p.direction() == PeerInfo.Direction.OUTBOUND));
        }
        return out;
    }

    @Override
    public void authored(AuthoredBlock block) {
        node.authored(block.slot(), block.authorNanos(), block.importNanos());
    }

    @Override
    public void headsChanged() {
        node.headsChanged();
    }

    @Override
    public InetSocketAddress address() {
        return node.address();
    }

    @Deactivate
    void deactivate() {
        events.unregister(this);
        node.close();
    }
}

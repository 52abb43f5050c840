package io.jamboree.sync.internal;

import io.jamboree.importer.BlockImporter;
import io.jamboree.network.Network;
import io.jamboree.types.Hash;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the node's JAMNP-S endpoint once the importer holds a chain: configured by PID {@value #PID} ({@code jam run
 * --port/--listen/--bootnode} set {@code port}, {@code listen} and {@code bootnodes}, a comma-separated list of
 * {@code NAME@IP:PORT}), it writes the network's configuration (PID {@link Network#PID}) with the genesis header
 * hash the ALPN names, which the network cannot know itself. When the network is up, prints the node's bootnode
 * string ({@code <alt name>@<ip>:<port>}) others can use. Without the PID, no network starts: a single node runs as
 * before.
 */
@Component(configurationPid = NetworkLauncher.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class NetworkLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkLauncher.class);
    /** The configuration PID. */
    public static final String PID = "io.jamboree.sync";

    private final Thread starter;

    @Activate
    public NetworkLauncher(@Reference BlockImporter importer, @Reference ConfigurationAdmin cm, Map<String, Object> config) {
        starter = Thread.ofPlatform().daemon().name("jam-sync-network-start").start(() -> start(importer, cm, config));
    }

    @Deactivate
    void deactivate() {
        starter.interrupt();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network n) {
        String line = "network: JAMNP-S on " + n.localAddress() + ", ALPN " + n.alpn() + "; this node is "
                + n.bootnode();
        System.out.println(line);
        System.out.flush();
        LOG.info(line);
    }

    void unbindNetwork(Network n) {
        // nothing kept
    }

    private static void start(BlockImporter importer, ConfigurationAdmin cm, Map<String, Object> config) {
        try {
            while (importer.bestHead().isEmpty()) {
                Thread.sleep(100); // jam run starts the chain from its genesis right after boot
            }
            Hash genesis = new ChainView(importer).root().hash();
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("genesisHash", genesis.hex());
            copy(config, props, "port");
            copy(config, props, "listen");
            copy(config, props, "key");
            Object boots = config.get("bootnodes");
            if (boots != null && !boots.toString().isBlank()) {
                props.put("bootnodes", boots.toString().split("\\s*,\\s*"));
            }
            Configuration c = cm.getConfiguration(Network.PID, "?");
            c.update(props);
            LOG.info("network: configured for the chain of genesis {}", genesis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("network: cannot configure the network: {}", e.toString());
        }
    }

    private static void copy(Map<String, Object> from, Dictionary<String, Object> to, String key) {
        Object v = from.get(key);
        if (v != null && !v.toString().isBlank()) {
            to.put(key, v.toString());
        }
    }
}

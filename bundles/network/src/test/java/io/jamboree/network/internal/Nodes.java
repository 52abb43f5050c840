package io.jamboree.network.internal;

import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.ValidatorSecrets;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Test nodes: JAMNP-S endpoints on localhost with dev validator keys. */
final class Nodes {
    static final byte[] GENESIS = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            GENESIS[i] = (byte) (0xa0 + i);
        }
    }

    private Nodes() {}

    static NodeCertificate identity(int dev) throws Exception {
        ValidatorSecrets s = DevKeys.secrets(dev);
        return NodeCertificate.selfSigned(s.ed25519SecretSeed(), s.ed25519Public());
    }

    static NetworkSettings settings(int dev) throws Exception {
        return NetworkSettings.of(identity(dev), GENESIS, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }
}

package io.jamboree.bench;

import io.jamboree.network.internal.JamnpNetwork;
import io.jamboree.network.internal.StreamHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rough heap per connected peer: one endpoint and {@code N} more, started first; then each of the {@code N}
 * connects to the first and opens a UP stream (as block announcement does). The heap growth after a full GC,
 * divided by {@code N}, is the cost of one connection at both ends (off-heap buffers of the native QUIC library
 * not counted).
 * Run: {@code java -cp bench/target/benchmarks.jar io.jamboree.bench.NetworkMemory [N]}.
 */
public final class NetworkMemory {
    private NetworkMemory() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        StreamHandlers up = new StreamHandlers();
        up.add(s -> {
            while (s.read() != null) {
                // hold the UP stream open
            }
        }, io.jamboree.network.StreamKind.of(0), 1 << 20);
        JamnpNetwork hub = NetworkBench.node(0, up);
        List<JamnpNetwork> others = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            others.add(NetworkBench.node(i, up));
        }
        long base = used();
        long t0 = System.nanoTime();
        for (JamnpNetwork o : others) {
            o.connect(hub.localAddress(), hub.localId()).toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(500);
        long after = used();
        System.out.printf("%d peers connected in %d ms; hub sees %d; heap +%.1f KB per connection (both ends, with a"
                + " UP stream each)%n", n, ms, hub.peers().size(), (after - base) / 1024.0 / n);
        for (JamnpNetwork o : others) {
            o.close();
        }
        hub.close();
    }

    private static long used() throws InterruptedException {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return r.totalMemory() - r.freeMemory();
    }
}

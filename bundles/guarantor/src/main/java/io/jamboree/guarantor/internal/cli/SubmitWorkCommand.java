package io.jamboree.guarantor.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.sample.SampleService;
import io.jamboree.types.Blob;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Hash;
import io.jamboree.types.RefineContext;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.Statistics;
import io.jamboree.types.WorkItem;
import io.jamboree.types.WorkPackage;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam submit-work --service ID --payload HEX [--core N] [--url ws://HOST:PORT] [--wait] [--timeout S]}: builds
 * a work package of one item for service {@code ID} with the payload, authorized by the dev chain spec's accepting
 * authorizer ({@link SampleService#authorizerCodeHash()} hosted by the sample service, empty configuration), its
 * context anchored at the node's best block (GP §14.3: anchor, its state root and accumulation-output super-peak,
 * the same block as lookup anchor), submits it with the JIP-2 {@code submitWorkPackage} and prints its hash.
 *
 * <p>With {@code --wait} it follows the package on the node's best chain: "guaranteed" when a block's core
 * statistics (π_C, GP §13) show a bundle of its size reported on its core, "available" when they show it made
 * available, "accumulated" when the service's storage under H(payload) holds a value (the sample service writes its
 * refine output there), each line with the block's slot; exit 0 once accumulated, 1 when it is dropped (not
 * guaranteed within 3 rotations, or not accumulated within the availability timeout after being guaranteed) or the
 * node refuses it, 2 on bad arguments or no node.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=submit-work")
public final class SubmitWorkCommand implements JamCommand {
    static final String DEFAULT_URL = "ws://127.0.0.1:19800/";
    static final long REFINE_GAS = 50_000_000L;
    static final long ACCUMULATE_GAS = 1_000_000L;

    @Override
    public String name() {
        return "submit-work";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String url = DEFAULT_URL;
        long service = -1;
        byte[] payload = null;
        int core = 0;
        boolean wait = false;
        long timeout = 120;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--wait")) {
                wait = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                err.println("jam submit-work: " + a + (a.startsWith("--") ? " needs a value" : ": unknown argument"));
                return 2;
            }
            String v = args.get(++i);
            try {
                switch (a) {
                    case "--url" -> url = v;
                    case "--service" -> service = Long.parseLong(v);
                    case "--core" -> core = Integer.parseInt(v);
                    case "--timeout" -> timeout = Long.parseLong(v);
                    case "--payload" -> payload = HexFormat.of().parseHex(v.startsWith("0x") ? v.substring(2) : v);
                    default -> {
                        err.println("jam submit-work: unknown option " + a);
                        return 2;
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("jam submit-work: bad value for " + a + ": '" + v + "' (" + e.getMessage() + ")");
                return 2;
            }
        }
        if (service < 0 || payload == null) {
            err.println("jam submit-work: give --service ID and --payload HEX");
            return 2;
        }
        RpcClient rpc;
        try {
            rpc = new RpcClient(url, 30);
        } catch (Exception e) {
            err.println("jam submit-work: cannot connect to " + url + ": " + (e.getCause() != null ? e.getCause() : e));
            return 2;
        }
        try (rpc) {
            ChainParams p = params(rpc.call("parameters"));
            JsonNode best = rpc.call("bestBlock");
            Hash anchor = new Hash(RpcClient.blob(best.get("header_hash")));
            long slot = best.get("slot").asLong();
            byte[] stateRoot = RpcClient.blob(rpc.call("stateRoot", anchor.bytes()));
            byte[] beefyRoot = RpcClient.blob(rpc.call("beefyRoot", anchor.bytes()));
            byte[] info = RpcClient.blob(rpc.call("serviceData", anchor.bytes(), service));
            if (stateRoot == null || beefyRoot == null) {
                err.println("jam submit-work: the node knows no state root or accumulation root of its best block");
                return 2;
            }
            if (info == null) {
                err.println("jam submit-work: service " + service + " does not exist at the best block");
                return 1;
            }
            ServiceInfo s = ServiceInfo.decode(new Decoder(info), p);
            long accGas = Math.max(ACCUMULATE_GAS, s.minItemGas());
            WorkPackage pkg = new WorkPackage(SampleService.ID, SampleService.authorizerCodeHash(),
                    new RefineContext(anchor, new Hash(stateRoot), new Hash(beefyRoot), anchor, slot, List.of()),
                    Blob.EMPTY, Blob.EMPTY, List.of(new WorkItem(service, s.codeHash(),
                            Math.min(REFINE_GAS, p.packageRefineGas()), Math.min(accGas, p.reportAccumulateGas()), 0,
                            new Blob(payload), List.of(), List.of())));
            Encoder e = new Encoder();
            pkg.encode(e, p);
            byte[] encoded = e.toByteArray();
            Hash hash = new Hash(Blake2b256.hash(encoded));
            rpc.call("submitWorkPackage", core, encoded, new Object[0]);
            out.println(hash.hex());
            out.flush();
            if (!wait) {
                return 0;
            }
            return follow(rpc, p, service, core, encoded.length, payload, slot, timeout, out, err);
        } catch (RpcClient.RpcException e) {
            err.println("jam submit-work: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (Exception e) {
            err.println("jam submit-work: " + e);
            return 2;
        }
    }

    private static ChainParams params(JsonNode parameters) {
        int v = parameters.path("V1").path("val_count").asInt();
        ChainParams tiny = ChainParams.tiny();
        if (v == tiny.validatorsCount()) {
            return tiny;
        }
        ChainParams full = ChainParams.full();
        if (v == full.validatorsCount()) {
            return full;
        }
        throw new IllegalArgumentException("a chain of " + v + " validators is neither tiny nor full");
    }

    /** Follows the package along the best chain until accumulated (0) or dropped (1). */
    private static int follow(RpcClient rpc, ChainParams p, long service, int core, int bundleLength, byte[] payload,
            long submitted, long timeoutS, PrintStream out, PrintStream err) throws Exception {
        byte[] key = Blake2b256.hash(payload);
        byte[] expected = Blake2b256.hash(payload);
        long guaranteed = -1;
        long available = -1;
        Hash seen = null;
        long end = System.nanoTime() + timeoutS * 1_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode best = rpc.call("bestBlock");
            Hash h = new Hash(RpcClient.blob(best.get("header_hash")));
            long slot = best.get("slot").asLong();
            if (!h.equals(seen)) {
                seen = h;
                byte[] pi = RpcClient.blob(rpc.call("statistics", h.bytes()));
                if (pi != null) {
                    CoreActivityRecord c = Statistics.decode(new Decoder(pi), p).cores().get(core);
                    if (guaranteed < 0 && c.bundleSize() == bundleLength) {
                        guaranteed = slot;
                        out.println("guaranteed: slot " + slot);
                        out.flush();
                    }
                    if (guaranteed >= 0 && available < 0 && c.daLoad() >= bundleLength) {
                        available = slot;
                        out.println("available: slot " + slot);
                        out.flush();
                    }
                }
                byte[] v = RpcClient.blob(rpc.call("serviceValue", h.bytes(), service, key));
                if (v != null) {
                    if (guaranteed < 0) {
                        out.println("guaranteed: before slot " + slot);
                    }
                    if (available < 0) {
                        out.println("available: before slot " + slot);
                    }
                    out.println("accumulated: slot " + slot + (Arrays.equals(v, expected) ? ""
                            : " (storage holds " + Hex.encode(v) + ", not the sample service's H(payload))"));
                    return 0;
                }
                if (guaranteed < 0 && slot > submitted + 3L * p.rotationPeriod()) {
                    err.println("dropped: not guaranteed by slot " + slot);
                    return 1;
                }
                if (guaranteed >= 0 && slot > guaranteed + p.assuranceTimeoutPeriod() + p.rotationPeriod()) {
                    err.println("dropped: guaranteed at slot " + guaranteed + " but not accumulated by slot " + slot);
                    return 1;
                }
            }
            Thread.sleep(200);
        }
        err.println("jam submit-work: gave up after " + timeoutS + " s");
        return 1;
    }
}

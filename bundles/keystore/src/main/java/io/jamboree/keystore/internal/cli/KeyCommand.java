package io.jamboree.keystore.internal.cli;

import io.jamboree.core.Hex;
import io.jamboree.keystore.DevKeys;
import io.jamboree.keystore.KeystoreException;
import io.jamboree.keystore.ValidatorSecrets;
import io.jamboree.keystore.DevValidatorRange;
import io.jamboree.keystore.internal.KeyFile;
import io.jamboree.runtime.spi.JamCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code jam key}: {@code generate --data DIR [--count N]} writes N new validator key files (random JIP-5 seeds
 * from {@link SecureRandom}) into {@code DIR/keys}, owner-only; {@code show --data DIR} prints the public keys of
 * the key files there; {@code show --dev I[-J]} those of dev validators. Secrets are never printed.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=key")
public final class KeyCommand implements JamCommand {
    /** Exit code of bad arguments or unusable key files. */
    static final int BAD_INPUT = 2;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String name() {
        return "key";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || !(args.getFirst().equals("generate") || args.getFirst().equals("show"))) {
            err.println("jam key: give 'generate' or 'show'");
            return BAD_INPUT;
        }
        String action = args.getFirst();
        Path data = null;
        String dev = null;
        int count = 1;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                err.println("jam key " + action + ": " + a + " needs a value");
                return BAD_INPUT;
            }
            String v = args.get(++i);
            switch (a) {
                case "--data" -> data = Path.of(v);
                case "--dev" -> dev = v;
                case "--count" -> {
                    try {
                        count = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        count = -1;
                    }
                    if (count < 1 || count > DevValidatorRange.MAX) {
                        err.println("jam key generate: --count must be 1.." + DevValidatorRange.MAX + ", got " + v);
                        return BAD_INPUT;
                    }
                }
                default -> {
                    err.println("jam key " + action + ": unknown option " + a);
                    return BAD_INPUT;
                }
            }
        }
        try {
            if (action.equals("generate")) {
                if (data == null) {
                    err.println("jam key generate: --data DIR is required");
                    return BAD_INPUT;
                }
                return generate(data.resolve("keys"), count, out);
            }
            if (data == null && dev == null) {
                err.println("jam key show: give --data DIR or --dev I[-J]");
                return BAD_INPUT;
            }
            if (dev != null) {
                for (long i : DevValidatorRange.parse(dev).indices()) {
                    print(out, "dev " + i + " (" + DevKeys.name(i) + ")", DevKeys.secrets(i));
                }
            }
            if (data != null) {
                return show(data.resolve("keys"), out, err);
            }
            return 0;
        } catch (KeystoreException e) {
            err.println("jam key " + action + ": " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private int generate(Path keysDir, int count, PrintStream out) {
        for (int n = 0; n < count; n++) {
            byte[] seed = new byte[ValidatorSecrets.SEED_BYTES];
            random.nextBytes(seed);
            ValidatorSecrets s = ValidatorSecrets.fromSeed(seed);
            java.util.Arrays.fill(seed, (byte) 0);
            Path file = KeyFile.write(keysDir, s);
            print(out, file.toString(), s);
        }
        return 0;
    }

    private static int show(Path keysDir, PrintStream out, PrintStream err) {
        List<Path> files = KeyFile.list(keysDir);
        if (files.isEmpty()) {
            err.println("jam key show: no key files (validator-*.json) in " + keysDir);
            return 1;
        }
        for (Path f : files) {
            print(out, f.toString(), KeyFile.read(f));
        }
        return 0;
    }

    private static void print(PrintStream out, String source, ValidatorSecrets s) {
        out.println(source);
        out.println("  ed25519:      " + Hex.encode(s.ed25519Public()));
        out.println("  bandersnatch: " + Hex.encode(s.bandersnatchPublic()));
        out.println("  alt name:     " + s.altName());
    }
}

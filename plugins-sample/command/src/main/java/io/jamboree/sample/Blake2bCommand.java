package io.jamboree.sample;

import io.jamboree.core.Hex;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.runtime.spi.JamCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * A sample plugin: {@code jam blake2b TEXT...} prints the Blake2b-256 hash (GP §3.8.1) of each
 * argument's UTF-8 bytes. It uses only exported Jamboree packages, as a third-party bundle would.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=blake2b")
public final class Blake2bCommand implements JamCommand {
    @Override
    public String name() {
        return "blake2b";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("usage: jam blake2b TEXT...");
            return 2;
        }
        for (String a : args) {
            out.println(Hex.encode(Blake2b256.hash(a.getBytes(StandardCharsets.UTF_8))) + "  " + a);
        }
        return 0;
    }
}

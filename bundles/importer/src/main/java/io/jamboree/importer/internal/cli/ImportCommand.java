package io.jamboree.importer.internal.cli;

import io.jamboree.importer.BlockImporter;
import io.jamboree.runtime.spi.JamCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code jam import}: runs block-import traces through the {@link BlockImporter} service and checks
 * every posterior state root (GP §4.1). The launcher has already configured the store, the PVM
 * engine and the chain (Config Admin) and validated the paths; the arguments are
 * {@code [--chain C] [--chain-spec FILE] [--store S] [--pvm E] [--data D] PATH...}, of which only the chain is checked
 * here (against the importer's parameters) and the rest is shown in the first line of output. With
 * {@code --chain-spec} the import starts from the genesis of that JIP-4 chain spec file.
 */
@Component(service = JamCommand.class, property = JamCommand.NAME + "=import")
public final class ImportCommand implements JamCommand {
    private final BlockImporter importer;

    @Activate
    public ImportCommand(@Reference BlockImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String chain = null;
        Path chainSpec = null;
        boolean verbose = false;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--chain", "--store", "--pvm", "--data", "--chain-spec" -> {
                    if (i + 1 >= args.size()) {
                        err.println("jam import: " + a + " needs a value");
                        return TraceImport.BAD_INPUT;
                    }
                    String v = args.get(++i);
                    if (a.equals("--chain")) {
                        chain = v;
                    } else if (a.equals("--chain-spec")) {
                        chainSpec = Path.of(v);
                    }
                }
                case "--verbose", "-v" -> verbose = true;
                default -> {
                    if (a.startsWith("--")) {
                        err.println("jam import: unknown option " + a);
                        return TraceImport.BAD_INPUT;
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.isEmpty() && chainSpec == null) {
            err.println("jam import: no trace given");
            return TraceImport.BAD_INPUT;
        }
        if (chain != null && !chain.equals(importer.params().name())) {
            err.println("jam import: the block importer runs the '" + importer.params().name() + "' chain, not '" + chain
                    + "' (configuration PID io.jamboree.importer, chain=)");
            return TraceImport.BROKEN;
        }
        java.io.Console console = System.console();
        boolean terminal = console != null && console.isTerminal(); // progress bar only on a terminal
        return new TraceImport(importer, out, err, terminal).verbose(verbose).run(chainSpec, paths);
    }
}

package io.jamboree.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code bin/jam run} process of a multi-node test and its output files ({@code NAME-RUN.out}/{@code .err} in the
 * test's folder; every restart is a new run with new files). Shared by the multi-node tests through
 * {@link LocalNetwork}.
 */
public final class LocalNode {
    public final String name;
    public final List<String> args;
    private final Path dist;
    private final Path folder;
    public Process process;
    public Path out;
    public Path err;
    public int runs;
    /** The installation folder the node runs from ({@code jam --home}); null: the distribution's own. */
    public Path home;

    /** A node to run {@code bin/jam run --rpc-port 0 ARGS} of the distribution {@code dist}, its output in {@code folder}. */
    public LocalNode(Path dist, Path folder, String name, List<String> args) {
        this.dist = dist;
        this.folder = folder;
        this.name = name;
        this.args = new ArrayList<>(args);
    }

    /** Starts (or restarts) the process. */
    public void start() throws IOException {
        runs++;
        out = folder.resolve(name + "-" + runs + ".out");
        err = folder.resolve(name + "-" + runs + ".err");
        // --rpc-port 0: every node its own free RPC port (the default 19800 is one per machine)
        List<String> cmd = new ArrayList<>(List.of(dist.resolve("bin/jam").toString()));
        if (home != null) {
            cmd.addAll(List.of("--home", home.toString()));
        }
        cmd.addAll(List.of("run", "--rpc-port", "0"));
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no clean stop. */
    public void kill() throws InterruptedException {
        if (alive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The standard output of the current run. */
    public String out() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Standard output and error of the current run. */
    public String all() throws IOException {
        return out() + Files.readString(err, StandardCharsets.UTF_8);
    }

    /** Standard output and error of every run so far, oldest first. */
    public String allRuns() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int r = 1; r <= runs; r++) {
            for (String ext : List.of(".out", ".err")) {
                Path f = folder.resolve(name + "-" + r + ext);
                if (Files.exists(f)) {
                    b.append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return b.toString();
    }

    /** The standard output files of every run so far, oldest first. */
    public List<Path> outFiles() {
        List<Path> files = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
            files.add(folder.resolve(name + "-" + r + ".out"));
        }
        return files;
    }

    /** The last 40 lines of the current run's output and error, under a heading with the node's name. */
    public String tail() {
        StringBuilder b = new StringBuilder("---- " + name + " (run " + runs + ") last lines:\n");
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(out, StandardCharsets.UTF_8));
            lines.addAll(Files.readAllLines(err, StandardCharsets.UTF_8));
            for (String l : lines.subList(Math.max(0, lines.size() - 40), lines.size())) {
                b.append(l).append('\n');
            }
        } catch (IOException e) {
            b.append(e).append('\n');
        }
        return b.toString();
    }
}

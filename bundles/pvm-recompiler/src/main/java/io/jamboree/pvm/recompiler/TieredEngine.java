package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.ProgramBlob;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.pvm.PvmProgram;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tiered PVM (GP 0.7.2 Appendix A). Tier 0: every program starts on the interpreter. Once a program is hot —
 * instantiated {@value #DEFAULT_INVOCATIONS} times or {@value #DEFAULT_GAS} gas spent in it, over all its instances —
 * it is decoded into the recompiler's form on a background compiler thread. Tier 1: instances switch to that form at
 * their next {@link io.jamboree.pvm.PvmInstance#run()} after it is ready (i.e. at a host-call boundary or a new
 * invocation); it steps its units until a chunk of them has been entered {@code hotEntries} times, and then the
 * compiler thread generates that chunk's JVM bytecode, used from the entry after it is loaded. No code is ever
 * generated on the thread running the program. Every form is an exact implementation of Ψ, so the result (exit
 * reason, ı, gas, registers, RAM, host calls) does not depend on when a switch happens.
 *
 * <p>Registered as {@code pvm.engine=tiered}. Component properties (Config Admin PID
 * {@code io.jamboree.pvm.recompiler.TieredEngine}) {@code tiered.invocations}, {@code tiered.gas} and
 * {@code tiered.hotEntries} (0: generate every chunk at once when the program becomes hot) set the thresholds.
 * Prepared programs are cached by the SHA-256 of their blob, so the counts are per code hash.
 */
@Component(service = PvmEngine.class, property = "pvm.engine=tiered")
public final class TieredEngine implements PvmEngine {
    /** Default number of instantiations of a program before it is compiled. */
    public static final int DEFAULT_INVOCATIONS = 2;
    /** Default gas spent in a program (over all its instances) before it is compiled. */
    public static final long DEFAULT_GAS = 2_000_000;
    /** Default number of entries into a chunk of units before the compiler thread generates its code. */
    public static final int DEFAULT_HOT_ENTRIES = 16;
    private static final Logger LOG = LoggerFactory.getLogger(TieredEngine.class);

    private final PvmEngine interpreter;
    private final ProgramCache<TieredProgram> cache = new ProgramCache<>(RecompilerEngine.DEFAULT_CACHE_SIZE);
    private final long invocations;
    private final long gas;
    private final int hotEntries;
    private final ExecutorService compiler;
    private final AtomicLong compiled = new AtomicLong();

    /**
     * @param interpreter the engine cold programs run on
     * @param props       component properties: {@code tiered.invocations}, {@code tiered.gas} (optional)
     */
    @Activate
    public TieredEngine(@Reference(target = "(pvm.engine=interpreter)") PvmEngine interpreter, Map<String, Object> props) {
        this(interpreter, number(props.get("tiered.invocations"), DEFAULT_INVOCATIONS),
                number(props.get("tiered.gas"), DEFAULT_GAS), (int) number(props.get("tiered.hotEntries"),
                DEFAULT_HOT_ENTRIES));
    }

    /**
     * @param interpreter the engine cold programs run on
     * @param invocations instantiations of a program before it is compiled (1: on the first)
     * @param gas         gas spent in a program before it is compiled
     * @param hotEntries  entries into a chunk before its code is generated; 0: all chunks when the program is hot
     */
    public TieredEngine(PvmEngine interpreter, long invocations, long gas, int hotEntries) {
        this.interpreter = Objects.requireNonNull(interpreter);
        this.invocations = Math.max(1, invocations);
        this.gas = Math.max(0, gas);
        this.hotEntries = Math.max(0, hotEntries);
        this.compiler = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "jam-pvm-tiered-compiler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the compiler thread; programs being compiled keep running on the interpreter. */
    @Deactivate
    public void close() {
        compiler.shutdownNow();
    }

    @Override
    public String name() {
        return "tiered";
    }

    @Override
    public PvmProgram prepare(byte[] blob) {
        return cache.get(ProgramCache.key(blob), () -> new TieredProgram(this, interpreter.prepare(blob), blob));
    }

    /** @return the number of programs compiled so far */
    public long compiledPrograms() {
        return compiled.get();
    }

    /**
     * Waits until the compiler thread is idle (for tests): every program queued so far is compiled.
     *
     * @return false if that took longer than {@code millis}
     */
    public boolean awaitCompiler(long millis) throws InterruptedException {
        try {
            compiler.submit(() -> { }).get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** @return whether a program with these counts is hot */
    boolean hot(long instantiations, long gasSpent) {
        return instantiations >= invocations || gasSpent >= gas;
    }

    /** Queues the decoding (and with hotEntries 0 the code generation) of a program, once, when it becomes hot. */
    void compile(TieredProgram program) {
        try {
            compiler.execute(() -> {
                try {
                    long t0 = System.nanoTime();
                    Optional<ProgramBlob> b = ProgramBlob.deblob(program.blob());
                    if (b.isEmpty()) return;
                    Decoded d = new Decoded(b.get());
                    Compiled c = Codegen.compile(d, Math.max(1, hotEntries), compiler);
                    if (hotEntries == 0) c.generateAll();
                    program.compiled(new RecompiledProgram(d, c));
                    compiled.incrementAndGet();
                    LOG.debug("PVM program of {} octets prepared for tier 1 in {} ms ({} chunks)", program.blob().length,
                            (System.nanoTime() - t0) / 1_000_000, c.chunkCount());
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("PVM program of {} octets not compiled, it stays on the interpreter: {}",
                            program.blob().length, e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // engine deactivated: the program stays on the interpreter
        }
    }

    private static long number(Object v, long dflt) {
        if (v instanceof Number n) return n.longValue();
        if (v instanceof String s && !s.isBlank()) return Long.parseLong(s.strip());
        return dflt;
    }
}

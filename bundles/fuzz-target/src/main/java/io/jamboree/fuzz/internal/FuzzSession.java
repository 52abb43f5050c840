package io.jamboree.fuzz.internal;

import io.jamboree.core.ChainParams;
import io.jamboree.fuzz.FuzzFeatures;
import io.jamboree.fuzz.FuzzMessage;
import io.jamboree.fuzz.FuzzMessage.ErrorMessage;
import io.jamboree.fuzz.FuzzMessage.GetState;
import io.jamboree.fuzz.FuzzMessage.ImportBlock;
import io.jamboree.fuzz.FuzzMessage.Initialize;
import io.jamboree.fuzz.FuzzMessage.PeerInfo;
import io.jamboree.fuzz.FuzzMessage.State;
import io.jamboree.fuzz.FuzzMessage.StateRoot;
import io.jamboree.fuzz.FuzzProtocolException;
import io.jamboree.importer.BlockImporter;
import io.jamboree.importer.ImportOutcome;
import io.jamboree.stf.state.KeyValue;
import io.jamboree.types.Hash;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fuzzer session's request/response logic (fuzz-proto v1 "General Rules"), independent of the
 * transport: {@code peer-info} first, then {@code initialize}, {@code import-block} and
 * {@code get-state} in any order after an initialize. Anything else is a {@link FuzzProtocolException}
 * and ends the session; only a rejected block is answered with {@code error}. An exception thrown by the
 * importer (while initializing, importing or reading a state) is not a rejection but an out-of-protocol
 * failure: it becomes an {@link InternalFailure}, which ends the session without a reply. Not thread-safe:
 * one session is served by one thread.
 */
final class FuzzSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuzzSession.class);

    /** The protocol version this target speaks. */
    static final int FUZZ_VERSION = 1;

    private final ChainParams params;
    private final ImporterFactory importers;
    private final PeerInfo ours;
    private final long startNanos = System.nanoTime();

    private PeerInfo theirs;
    private int features;
    private BlockImporter importer;

    private long initializes;
    private long imported;
    private long rejected;
    private long stateQueries;
    private long importNanos;
    private long maxImportNanos;
    private long initializeNanos;

    FuzzSession(ChainParams params, ImporterFactory importers, PeerInfo ours) {
        this.params = params;
        this.importers = importers;
        this.ours = ours;
    }

    /** The reply to {@code request}; throws {@link FuzzProtocolException} when the session must end. */
    FuzzMessage handle(FuzzMessage request) {
        if (theirs == null) {
            if (request instanceof PeerInfo pi) {
                return handshake(pi);
            }
            throw new FuzzProtocolException("expected peer-info first, got " + request.kind());
        }
        return switch (request) {
            case PeerInfo pi -> throw new FuzzProtocolException("second peer-info after the handshake");
            case Initialize in -> initialize(in);
            case ImportBlock ib -> importBlock(ib);
            case GetState gs -> state(gs);
            case StateRoot sr -> throw unexpected(sr);
            case State st -> throw unexpected(st);
            case ErrorMessage er -> throw unexpected(er);
        };
    }

    private static FuzzProtocolException unexpected(FuzzMessage m) {
        return new FuzzProtocolException("unexpected " + m.kind() + " from the fuzzer: only targets send it");
    }

    private PeerInfo handshake(PeerInfo pi) {
        if (pi.fuzzVersion() != FUZZ_VERSION) {
            throw new FuzzProtocolException("fuzzer '" + pi.appName() + "' speaks fuzz-proto v" + pi.fuzzVersion()
                    + "; this target speaks v" + FUZZ_VERSION);
        }
        if (!pi.jamVersion().equals(ours.jamVersion())) {
            LOG.warn("fuzzer '{}' targets JAM {}, this target implements {}; continuing", pi.appName(),
                    pi.jamVersion(), ours.jamVersion());
        }
        theirs = pi;
        features = pi.features() & ours.features();
        LOG.info("fuzzer '{}' {} (JAM {}), session features {}", pi.appName(), pi.appVersion(), pi.jamVersion(),
                FuzzFeatures.describe(features));
        return ours;
    }

    private StateRoot initialize(Initialize in) {
        long t0 = System.nanoTime();
        dropImporter();
        if (!in.ancestry().isEmpty() && !FuzzFeatures.has(features, FuzzFeatures.ANCESTRY)) {
            LOG.warn("initialize carries {} ancestry items although the session has no ancestry feature",
                    in.ancestry().size());
        }
        // The state is handed over as given (fuzz-proto: "accepted and stored exactly as provided"); this
        // target decodes none of its components, so a partial state is the importer's to accept.
        BlockImporter fresh = null;
        Hash root;
        try {
            fresh = importers.create(params);
            root = fresh.initialize(in.header(), in.state(), in.ancestry());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            close(fresh);
            throw new InternalFailure("initialize (" + in.state().size() + " key/values, " + in.ancestry().size()
                    + " ancestors, header slot " + in.header().slot() + ")", e);
        }
        importer = fresh;
        initializes++;
        initializeNanos += System.nanoTime() - t0;
        LOG.debug("initialize: {} key/values, {} ancestors, slot {}, root {}", in.state().size(),
                in.ancestry().size(), in.header().slot(), root);
        return new StateRoot(root);
    }

    private FuzzMessage importBlock(ImportBlock ib) {
        BlockImporter imp = requireInitialized("import-block");
        long t0 = System.nanoTime();
        ImportOutcome outcome;
        try {
            outcome = imp.importBlock(ib.block());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // not a rejection (the importer answers an invalid block with Rejected): fuzz-proto forbids `error`
            throw new InternalFailure("import-block (slot " + ib.block().header().slot() + ", parent "
                    + ib.block().header().parent() + ")", e);
        }
        long dt = System.nanoTime() - t0;
        importNanos += dt;
        maxImportNanos = Math.max(maxImportNanos, dt);
        return switch (outcome) {
            case ImportOutcome.Imported ok -> {
                imported++;
                LOG.debug("imported slot {} as {} in {} µs, root {}", ib.block().header().slot(), ok.headerHash(),
                        dt / 1000, ok.stateRoot());
                yield new StateRoot(ok.stateRoot());
            }
            case ImportOutcome.Rejected no -> {
                rejected++;
                LOG.debug("rejected block at slot {} in {} µs: {}", ib.block().header().slot(), dt / 1000, no.reason());
                yield new ErrorMessage(no.reason());
            }
        };
    }

    private State state(GetState gs) {
        BlockImporter imp = requireInitialized("get-state");
        stateQueries++;
        Optional<List<KeyValue>> kvs;
        try {
            kvs = imp.state(gs.headerHash());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            throw new InternalFailure("get-state (" + gs.headerHash() + ")", e);
        }
        if (kvs.isEmpty()) {
            // fuzz-proto v1 defines no error reply for get-state: an unknown block ends the session.
            throw new FuzzProtocolException("get-state for unknown block " + gs.headerHash());
        }
        return new State(kvs.get());
    }

    private BlockImporter requireInitialized(String what) {
        if (importer == null) {
            throw new FuzzProtocolException(what + " before initialize");
        }
        return importer;
    }

    private void dropImporter() {
        BlockImporter old = importer;
        importer = null;
        close(old);
    }

    private static void close(BlockImporter old) {
        if (old instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing an importer failed: {}", e.toString());
            }
        }
    }

    /** The fuzzer's handshake, once received. */
    Optional<PeerInfo> peer() {
        return Optional.ofNullable(theirs);
    }

    /** One line of counts and timings for the session log. */
    String summary() {
        long blocks = imported + rejected;
        return String.format("%s: %d initialize (%d ms), %d blocks (%d imported, %d rejected; mean %.1f ms, max %.1f ms), "
                        + "%d get-state, %.1f s",
                theirs == null ? "no handshake" : "'" + theirs.appName() + "' " + theirs.appVersion(),
                initializes, initializeNanos / 1_000_000, blocks, imported, rejected,
                blocks == 0 ? 0.0 : importNanos / 1e6 / blocks, maxImportNanos / 1e6, stateQueries,
                (System.nanoTime() - startNanos) / 1e9);
    }

    /** Drops the importer and everything it holds. */
    @Override
    public void close() {
        dropImporter();
    }
}

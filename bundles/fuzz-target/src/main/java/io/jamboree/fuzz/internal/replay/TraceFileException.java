package io.jamboree.fuzz.internal.replay;

import java.nio.file.Path;

/** A trace folder or file that cannot be replayed: missing, unreadable or not in the traces format. */
final class TraceFileException extends Exception {
    private static final long serialVersionUID = 1L;

    TraceFileException(Path file, String message) {
        super(file + ": " + message);
    }
}

package io.jamboree.importer.internal.cli;

import java.nio.file.Path;

/** A trace file that is missing, unreadable or does not decode; the message names the file and where. */
final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    TraceFormatException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
    }
}

package io.jamboree.importer.trace;

import java.nio.file.Path;

/** A trace file that is missing, unreadable or does not decode; the message names the file and where. */
public final class TraceFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Path file;

    public TraceFormatException(Path file, String what, Throwable cause) {
        super(file + ": " + what, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}

package io.jamboree.fuzz.internal;

import java.io.IOException;

/** A fuzzer connection missed a deadline of {@link SessionChannel}: the session ends (logged at WARN). */
final class FrameTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    FrameTimeoutException(String message) {
        super(message);
    }
}

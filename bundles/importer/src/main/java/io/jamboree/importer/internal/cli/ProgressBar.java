package io.jamboree.importer.internal.cli;

import java.io.PrintStream;

/** A one-line progress bar on a terminal: {@code [#####.....] 37/100 00000037.bin}, redrawn in place. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream err;
    private final int total;
    private int lastLength;

    ProgressBar(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    void show(int done, String current) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        StringBuilder sb = new StringBuilder(WIDTH + 40);
        sb.append('[');
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append("] ").append(done).append('/').append(total).append(' ').append(current);
        String line = sb.toString();
        int pad = Math.max(0, lastLength - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastLength = line.length();
    }

    /** Erases the bar, so that the next output starts on a clean line. */
    void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }
}

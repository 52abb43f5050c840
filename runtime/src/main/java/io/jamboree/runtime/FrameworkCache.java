package io.jamboree.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The framework's bundle cache ({@code org.osgi.framework.storage}): a fresh temporary folder per process, so that
 * a node, {@code jam rpc} and {@code jam submit-work} on one home never share it. About 18 MB each; deleted when the
 * framework stops ({@link #close}) and, should the process end without that (a signal, {@code System.exit}), by a
 * shutdown hook. Only a killed JVM ({@code SIGKILL}) leaves one behind. File Install's temporary files go inside it.
 */
final class FrameworkCache implements AutoCloseable {
    private final Path dir;
    private final Thread hook;

    private FrameworkCache(Path dir) {
        this.dir = dir;
        this.hook = new Thread(this::delete, "jamboree-framework-cache-cleanup");
    }

    /** A new cache folder under the system's temporary folder, deleted at JVM exit unless closed before. */
    static FrameworkCache create() throws IOException {
        FrameworkCache cache = new FrameworkCache(Files.createTempDirectory("jamboree-felix-"));
        Runtime.getRuntime().addShutdownHook(cache.hook);
        return cache;
    }

    Path dir() {
        return dir;
    }

    /** Deletes the folder (call once the framework has stopped). */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        delete();
    }

    private void delete() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a temporary folder the system cleans in time
        }
    }
}

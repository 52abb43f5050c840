package io.jamboree.sample.journal;

import io.jamboree.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only file of a {@link JournalStore}: one record per commit, {@code [u32 length][payload]}, the
 * payload a sequence of operations {@code [u8 op][u8 table][u32 key length][key]([u32 value length][value])}
 * with op 1 = put, 2 = delete. A commit is written and forced to disk before it becomes visible. A torn last
 * record (a crash while writing) is cut off when the journal is opened.
 */
public final class Journal implements AutoCloseable {
    private static final int PUT = 1;
    private static final int DELETE = 2;

    /** Receives the replayed operations; {@code value} is null for a delete. */
    interface Replay {
        void apply(int table, byte[] key, byte[] value);
    }

    private final Path file;
    private final FileChannel channel;
    private long commits;

    private Journal(Path file, FileChannel channel, long commits) {
        this.file = file;
        this.channel = channel;
        this.commits = commits;
    }

    /** Opens (creating it and its folder if needed) and replays the journal of {@code file}. */
    static Journal open(Path file, Replay replay) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long good = 0;
        long commits = 0;
        try (InputStream raw = Channels.newInputStream(ch.position(0));
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            while (true) {
                int len;
                try {
                    len = in.readInt();
                } catch (EOFException e) {
                    break;
                }
                if (len < 0 || good + 4 + len > ch.size()) {
                    break; // torn
                }
                byte[] payload = in.readNBytes(len);
                apply(payload, replay);
                good += 4 + len;
                commits++;
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw new IOException("journal " + file + " is corrupt after " + commits + " commits: " + e, e);
        }
        // the input stream closed the channel: reopen for appending after the last whole record
        FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE);
        out.truncate(good);
        out.position(good);
        return new Journal(file, out, commits);
    }

    private static void apply(byte[] payload, Replay replay) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
        while (in.available() > 0) {
            int op = in.readUnsignedByte();
            int table = in.readUnsignedByte();
            byte[] key = in.readNBytes(in.readInt());
            if (op == PUT) {
                replay.apply(table, key, in.readNBytes(in.readInt()));
            } else if (op == DELETE) {
                replay.apply(table, key, null);
            } else {
                throw new IOException("unknown operation " + op);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Commits written or replayed since the journal was created. */
    public synchronized long commits() {
        return commits;
    }

    /** The journal's size in bytes. */
    public synchronized long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            return -1;
        }
    }

    Batch batch() {
        return new Batch();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to write
        }
    }

    /** The operations of one write transaction, appended as one record at commit. */
    final class Batch {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        void put(int table, byte[] key, byte[] value) {
            try {
                out.writeByte(PUT);
                out.writeByte(table);
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(value.length);
                out.write(value);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
        }

        void delete(int table, byte[] key) {
            try {
                out.writeByte(DELETE);
                out.writeByte(table);
                out.writeInt(key.length);
                out.write(key);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Appends the record and forces it to disk. */
        void commit() {
            byte[] payload = bytes.toByteArray();
            ByteBuffer record = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
            synchronized (Journal.this) {
                try {
                    while (record.hasRemaining()) {
                        channel.write(record);
                    }
                    channel.force(false);
                    commits++;
                } catch (IOException e) {
                    throw new StoreException("cannot append to the journal " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }
}

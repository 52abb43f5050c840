package io.jamboree.store.lmdb;

import io.jamboree.store.ReadTxn;
import io.jamboree.store.Table;
import io.jamboree.store.WriteTxn;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Child process of {@link LmdbCrashTest}: opens the store, resumes after META "last", and commits
 * numbered transactions forever (until killed). Transaction n writes {@link #KEYS} keys "n/i" into
 * STATE_KV, deletes the keys of n-1, and sets META "last" = n and META "sum" = checksum of batch n.
 */
final class CrashWriter {
    static final int KEYS = 64;

    private CrashWriter() {}

    public static void main(String[] args) throws Exception {
        try (LmdbNodeStore store = LmdbNodeStore.open(Path.of(args[0]), 1)) {
            long last;
            try (ReadTxn r = store.read()) {
                last = lastOf(r);
            }
            System.out.println("ready " + last);
            System.out.flush();
            for (long n = last + 1; ; n++) {
                try (WriteTxn w = store.write()) {
                    for (int i = 0; i < KEYS; i++) {
                        w.put(Table.STATE_KV, key(n, i), value(n, i));
                        if (n > 1) {
                            w.delete(Table.STATE_KV, key(n - 1, i));
                        }
                    }
                    w.put(Table.META, bytes("last"), ByteBuffer.allocate(8).putLong(n).array());
                    w.put(Table.META, bytes("sum"), checksum(n));
                    w.commit();
                }
            }
        }
    }

    static long lastOf(ReadTxn r) {
        byte[] v = r.get(Table.META, bytes("last"));
        return v == null ? 0 : ByteBuffer.wrap(v).getLong();
    }

    static byte[] key(long n, int i) {
        return bytes(String.format("%012d/%03d", n, i));
    }

    static byte[] value(long n, int i) {
        byte[] v = new byte[200 + i];
        for (int j = 0; j < v.length; j++) {
            v[j] = (byte) (n * 31 + i * 7 + j);
        }
        return v;
    }

    static byte[] checksum(long n) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < KEYS; i++) {
            md.update(key(n, i));
            md.update(value(n, i));
        }
        return md.digest();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

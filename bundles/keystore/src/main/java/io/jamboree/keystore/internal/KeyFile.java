package io.jamboree.keystore.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.core.Hex;
import io.jamboree.keystore.KeystoreException;
import io.jamboree.keystore.ValidatorSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A validator key file {@code validator-<first 8 octets of the Ed25519 public key, hex>.json} in a keys folder:
 * a JSON object with the JIP-5 {@code seed} (the only secret; every key derives from it) and, for people and tools
 * to read without the secret, {@code ed25519_public}, {@code bandersnatch_public} and {@code dns_alt_name}.
 * On POSIX file systems the folder is created owner-only ({@code rwx------}) and the file owner read-write only
 * ({@code rw-------}); a key file that group or others may access is refused when read.
 */
public final class KeyFile {
    /** File name prefix. */
    public static final String PREFIX = "validator-";
    /** File name suffix. */
    public static final String SUFFIX = ".json";

    private static final Set<PosixFilePermission> FILE_PERMS = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> DIR_PERMS = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyFile() {}

    /** The file name of a validator's key file. */
    public static String fileName(ValidatorSecrets s) {
        return PREFIX + Hex.plain(s.ed25519Public()).substring(0, 16) + SUFFIX;
    }

    /**
     * Writes a new key file into {@code keysDir} (created owner-only if missing).
     *
     * @return the file written
     * @throws KeystoreException if a file of that name exists or cannot be written
     */
    public static Path write(Path keysDir, ValidatorSecrets s) {
        boolean posix = isPosix(keysDir);
        Path file = keysDir.resolve(fileName(s));
        String json = "{\n"
                + "  \"seed\": \"" + Hex.encode(s.seed()) + "\",\n"
                + "  \"ed25519_public\": \"" + Hex.encode(s.ed25519Public()) + "\",\n"
                + "  \"bandersnatch_public\": \"" + Hex.encode(s.bandersnatchPublic()) + "\",\n"
                + "  \"dns_alt_name\": \"" + s.altName() + "\"\n"
                + "}\n";
        try {
            if (!Files.isDirectory(keysDir)) {
                if (posix) {
                    Files.createDirectories(keysDir, PosixFilePermissions.asFileAttribute(DIR_PERMS));
                } else {
                    Files.createDirectories(keysDir);
                }
            }
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_PERMS));
                Files.setPosixFilePermissions(file, FILE_PERMS); // whatever the umask
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new KeystoreException("key file " + file + " exists already; not overwritten");
        } catch (IOException e) {
            throw new KeystoreException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a key file and derives its secrets.
     *
     * @throws KeystoreException naming the file if it is accessible by group or others, not valid JSON, lacks
     *                           the seed or holds public keys that its seed does not give
     */
    public static ValidatorSecrets read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new KeystoreException("key file " + file + " does not exist");
        }
        checkPermissions(file);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Jackson's message may quote file content (the seed): say only where it failed
            throw new KeystoreException("key file " + file + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new KeystoreException("key file " + file + ": not a JSON object");
        }
        byte[] seed = hexField(file, root, "seed", true);
        ValidatorSecrets s = ValidatorSecrets.fromSeed(seed);
        byte[] ed = hexField(file, root, "ed25519_public", false);
        if (ed != null && !java.util.Arrays.equals(ed, s.ed25519Public())) {
            throw new KeystoreException("key file " + file + ": ed25519_public " + Hex.encode(ed)
                    + " is not the key of its seed (" + Hex.encode(s.ed25519Public()) + ")");
        }
        byte[] bs = hexField(file, root, "bandersnatch_public", false);
        if (bs != null && !java.util.Arrays.equals(bs, s.bandersnatchPublic())) {
            throw new KeystoreException("key file " + file + ": bandersnatch_public " + Hex.encode(bs)
                    + " is not the key of its seed (" + Hex.encode(s.bandersnatchPublic()) + ")");
        }
        return s;
    }

    /** The key files of a folder, sorted by name; empty if the folder does not exist. */
    public static List<Path> list(Path keysDir) {
        if (!Files.isDirectory(keysDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(keysDir)) {
            List<Path> out = new ArrayList<>();
            files.filter(f -> {
                String n = f.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
            }).sorted().forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new KeystoreException("cannot list key folder " + keysDir + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a file that group or others may read, write or execute (POSIX only). */
    static void checkPermissions(Path file) {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (IOException e) {
            throw new KeystoreException("cannot read the permissions of key file " + file + ": " + e.getMessage(), e);
        }
        for (PosixFilePermission p : perms) {
            if (!FILE_PERMS.contains(p) && p != PosixFilePermission.OWNER_EXECUTE) {
                throw new KeystoreException("key file " + file + " is accessible by group or others ("
                        + PosixFilePermissions.toString(perms) + "); it holds a validator secret: run chmod 600 "
                        + file);
            }
        }
    }

    private static boolean isPosix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static byte[] hexField(Path file, JsonNode root, String name, boolean required) {
        JsonNode n = root.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw new KeystoreException("key file " + file + ": missing field '" + name + "'");
            }
            return null;
        }
        String text = n.isTextual() ? n.asText() : null;
        if (text == null || !text.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw new KeystoreException("key file " + file + ": field '" + name + "' must be 32 octets of hex");
        }
        return Hex.decode(text.startsWith("0x") ? text : "0x" + text);
    }
}

package io.jamboree.pvm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * PVM RAM μ ∈ 𝕄 (GP 0.7.2 §4.7): 2^32 addressable octets in pages of {@link #PAGE_SIZE} octets, each page
 * inaccessible, read-only or read-write. Sparse: a two-level page directory; pages are only allocated when
 * first written, readable untouched pages share one zero page. Creating a Memory costs a few KiB.
 *
 * <p>Addresses are unsigned 32-bit values passed as {@code int} (hot path, bit pattern) or {@code long}
 * (bulk API, taken mod 2^32). Instruction-level accessors ({@code loadU8} … {@code storeU64}) access the RAM
 * cyclically (address + i mod 2^32) and throw {@link MemoryAccessException} with the lowest inaccessible
 * address; a failing store changes nothing. Bulk accessors for hosts ({@link #read}, {@link #write}) report
 * accessibility via return value instead. Not thread-safe.
 */
public final class Memory {
    /** Z_P = 2^12, the PVM page size (GP §4.7). */
    public static final int PAGE_SIZE = 4096;
    /** Number of pages in the 32-bit address space. */
    public static final int PAGE_COUNT = 1 << 20;

    private static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] ZERO_PAGE = new byte[PAGE_SIZE];
    private static final byte NONE = 0, READ = 1, WRITE = 2;

    /** Pages readable now: a private page, or ZERO_PAGE while a readable page has never been written. */
    private final byte[][][] readDir = new byte[1024][][];
    /** Pages writable now and already materialised. */
    private final byte[][][] writeDir = new byte[1024][][];
    /** Access byte per page. */
    private final byte[][] access = new byte[1024][];
    private long heapBreak;

    /** Creates an empty RAM: every page inaccessible. */
    public Memory() {
    }

    // ---------------------------------------------------------------- page map

    /**
     * Sets the access of every page overlapping [address, address + length). Pages becoming inaccessible lose
     * their contents; other pages keep theirs.
     */
    public void setAccess(long address, long length, PageAccess a) {
        if (length <= 0) return;
        long first = (address & 0xFFFF_FFFFL) / PAGE_SIZE;
        long last = Math.min(PAGE_COUNT - 1L, ((address & 0xFFFF_FFFFL) + length - 1) / PAGE_SIZE);
        for (long p = first; p <= last; p++) setPageAccess((int) p, a);
    }

    /** @return the access right of the page holding {@code address} */
    public PageAccess access(long address) {
        int page = (int) ((address & 0xFFFF_FFFFL) >>> 12);
        byte[] acc = access[page >>> 10];
        byte v = acc == null ? NONE : acc[page & 1023];
        return v == WRITE ? PageAccess.WRITE : v == READ ? PageAccess.READ : PageAccess.NONE;
    }

    private void setPageAccess(int page, PageAccess a) {
        int hi = page >>> 10, lo = page & 1023;
        byte[] acc = access[hi];
        if (acc == null) {
            if (a == PageAccess.NONE) return;
            acc = access[hi] = new byte[1024];
            readDir[hi] = new byte[1024][];
            writeDir[hi] = new byte[1024][];
        }
        byte[][] rd = readDir[hi], wr = writeDir[hi];
        byte[] data = rd[lo];
        switch (a) {
            case NONE -> { acc[lo] = NONE; rd[lo] = null; wr[lo] = null; }
            case READ -> { acc[lo] = READ; rd[lo] = data == null ? ZERO_PAGE : data; wr[lo] = null; }
            case WRITE -> {
                acc[lo] = WRITE;
                rd[lo] = data == null ? ZERO_PAGE : data;
                wr[lo] = data == null || data == ZERO_PAGE ? null : data;
            }
        }
    }

    private byte pageAccess(int page) {
        byte[] acc = access[page >>> 10];
        return acc == null ? NONE : acc[page & 1023];
    }

    /** Materialises a writable page (allocating it on first write). Caller checked access == WRITE. */
    private byte[] writablePage(int page) {
        int hi = page >>> 10, lo = page & 1023;
        byte[] data = writeDir[hi][lo];
        if (data == null) {
            byte[] old = readDir[hi][lo];
            data = old == ZERO_PAGE || old == null ? new byte[PAGE_SIZE] : old;
            readDir[hi][lo] = data;
            writeDir[hi][lo] = data;
        }
        return data;
    }

    /** @return true iff every address of [address, address + length) mod 2^32 is readable (V_μ) */
    public boolean isReadable(long address, long length) {
        return firstInaccessible(address, length, READ) < 0;
    }

    /** @return true iff every address of [address, address + length) mod 2^32 is writable (V*_μ) */
    public boolean isWritable(long address, long length) {
        return firstInaccessible(address, length, WRITE) < 0;
    }

    /**
     * @return the lowest address (mod 2^32) of the cyclic range lacking the access {@code need}, or -1.
     */
    private long firstInaccessible(long address, long length, byte need) {
        if (length <= 0) return -1;
        long start = address & 0xFFFF_FFFFL;
        long min = -1;
        long pos = start;
        long remaining = Math.min(length, 1L << 32);
        while (remaining > 0) {
            int page = (int) (pos >>> 12);
            long inPage = Math.min(remaining, PAGE_SIZE - (pos & (PAGE_SIZE - 1)));
            if (pageAccess(page) < need) {
                if (min < 0 || pos < min) min = pos;
            }
            remaining -= inPage;
            pos = (pos + inPage) & 0xFFFF_FFFFL;
        }
        return min;
    }

    // ---------------------------------------------------------------- bulk (host) access

    /**
     * Copies [address, address + dst.length) into {@code dst} if all of it is readable.
     * @return true on success, false (dst untouched) if some octet is not readable
     */
    public boolean read(long address, byte[] dst) {
        if (!isReadable(address, dst.length)) return false;
        peek(address, dst, 0, dst.length);
        return true;
    }

    /**
     * Copies {@code src} to [address, …) if all of it is writable.
     * @return true on success, false (RAM untouched) if some octet is not writable
     */
    public boolean write(long address, byte[] src) {
        if (!isWritable(address, src.length)) return false;
        poke(address, src, 0, src.length);
        return true;
    }

    /** Reads octets ignoring access rights (inaccessible octets read as zero). For tests and tooling. */
    public void peek(long address, byte[] dst, int off, int len) {
        long pos = address & 0xFFFF_FFFFL;
        int done = 0;
        while (done < len) {
            int page = (int) (pos >>> 12);
            int po = (int) (pos & (PAGE_SIZE - 1));
            int n = Math.min(len - done, PAGE_SIZE - po);
            byte[][] rd = readDir[page >>> 10];
            byte[] data = rd == null ? null : rd[page & 1023];
            if (data == null) java.util.Arrays.fill(dst, off + done, off + done + n, (byte) 0);
            else System.arraycopy(data, po, dst, off + done, n);
            done += n;
            pos = (pos + n) & 0xFFFF_FFFFL;
        }
    }

    /**
     * Writes octets ignoring read-only protection (used to initialise RAM, e.g. by {@link StandardProgram}).
     * Octets on inaccessible pages are dropped.
     */
    public void poke(long address, byte[] src, int off, int len) {
        long pos = address & 0xFFFF_FFFFL;
        int done = 0;
        while (done < len) {
            int page = (int) (pos >>> 12);
            int po = (int) (pos & (PAGE_SIZE - 1));
            int n = Math.min(len - done, PAGE_SIZE - po);
            byte acc = pageAccess(page);
            if (acc != NONE) {
                int hi = page >>> 10, lo = page & 1023;
                byte[] data = readDir[hi][lo];
                if (data == ZERO_PAGE) {
                    data = new byte[PAGE_SIZE];
                    readDir[hi][lo] = data;
                    if (acc == WRITE) writeDir[hi][lo] = data;
                }
                System.arraycopy(src, off + done, data, po, n);
            }
            done += n;
            pos = (pos + n) & 0xFFFF_FFFFL;
        }
    }

    // ---------------------------------------------------------------- whole-RAM comparison (tooling)

    /** @return a deep copy: the same page access, contents and heap break, sharing no page with this RAM */
    public Memory copy() {
        Memory m = new Memory();
        m.heapBreak = heapBreak;
        for (int hi = 0; hi < 1024; hi++) {
            byte[] acc = access[hi];
            if (acc == null) continue;
            m.access[hi] = acc.clone();
            m.readDir[hi] = new byte[1024][];
            m.writeDir[hi] = new byte[1024][];
            for (int lo = 0; lo < 1024; lo++) m.copyPage(this, hi, lo);
        }
        return m;
    }

    /**
     * Lists the pages whose access right or contents differ between this RAM and {@code other} (an untouched
     * zero page equals a written page of zeros), lowest first, at most {@code limit} of them.
     */
    public int[] differingPages(Memory other, int limit) {
        int[] out = new int[Math.max(0, Math.min(limit, 64))];
        int n = 0;
        for (int hi = 0; hi < 1024 && n < limit; hi++) {
            if (access[hi] == null && other.access[hi] == null) continue;
            for (int lo = 0; lo < 1024 && n < limit; lo++) {
                if (!samePage(other, hi, lo)) {
                    if (n == out.length) out = java.util.Arrays.copyOf(out, Math.min(limit, 2 * n + 1));
                    out[n++] = hi << 10 | lo;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * Makes this RAM equal to {@code source} (page access, contents, heap break), copying only the pages
     * that differ. @return the number of pages copied
     */
    public int assign(Memory source) {
        heapBreak = source.heapBreak;
        int copied = 0;
        for (int hi = 0; hi < 1024; hi++) {
            if (access[hi] == null && source.access[hi] == null) continue;
            for (int lo = 0; lo < 1024; lo++) {
                if (samePage(source, hi, lo)) continue;
                if (access[hi] == null) {
                    access[hi] = new byte[1024];
                    readDir[hi] = new byte[1024][];
                    writeDir[hi] = new byte[1024][];
                }
                copyPage(source, hi, lo);
                copied++;
            }
        }
        return copied;
    }

    private boolean samePage(Memory o, int hi, int lo) {
        byte a = access[hi] == null ? NONE : access[hi][lo];
        byte b = o.access[hi] == null ? NONE : o.access[hi][lo];
        if (a != b) return false;
        if (a == NONE) return true;
        byte[] x = readDir[hi][lo], y = o.readDir[hi][lo];
        return x == y || java.util.Arrays.equals(x, y);
    }

    /** Copies page (hi, lo) of {@code src} (access and contents) into this RAM, whose directory hi exists. */
    private void copyPage(Memory src, int hi, int lo) {
        byte a = src.access[hi] == null ? NONE : src.access[hi][lo];
        access[hi][lo] = a;
        byte[] data = a == NONE ? null : src.readDir[hi][lo];
        if (data == null || data == ZERO_PAGE) {
            readDir[hi][lo] = a == NONE ? null : ZERO_PAGE;
            writeDir[hi][lo] = null;
        } else {
            byte[] c = data.clone();
            readDir[hi][lo] = c;
            writeDir[hi][lo] = a == WRITE ? c : null;
        }
    }

    // ---------------------------------------------------------------- heap break (sbrk)

    /** @return the current heap break used by {@code sbrk} (GP A.5.9, opcode 101; h in the text) */
    public long heapBreak() {
        return heapBreak;
    }

    /** Sets the heap break (set by {@link StandardProgram} to the end of its read-write section). */
    public void setHeapBreak(long heapBreak) {
        this.heapBreak = heapBreak & 0xFFFF_FFFFL;
    }

    // ---------------------------------------------------------------- instruction-level loads

    /** @return the octet at {@code a}, zero-extended */
    public long loadU8(int a) {
        byte[][] d = readDir[a >>> 22];
        byte[] p;
        if (d != null && (p = d[(a >>> 12) & 1023]) != null) return p[a & 4095] & 0xFFL;
        throw new MemoryAccessException(a & 0xFFFF_FFFFL);
    }

    /** @return the little-endian 16-bit value at {@code a}, zero-extended */
    public long loadU16(int a) {
        int o = a & 4095;
        byte[][] d = readDir[a >>> 22];
        byte[] p;
        if (o <= PAGE_SIZE - 2 && d != null && (p = d[(a >>> 12) & 1023]) != null) {
            return ((short) LE_SHORT.get(p, o)) & 0xFFFFL;
        }
        return slowLoad(a, 2);
    }

    /** @return the little-endian 32-bit value at {@code a}, zero-extended */
    public long loadU32(int a) {
        int o = a & 4095;
        byte[][] d = readDir[a >>> 22];
        byte[] p;
        if (o <= PAGE_SIZE - 4 && d != null && (p = d[(a >>> 12) & 1023]) != null) {
            return ((int) LE_INT.get(p, o)) & 0xFFFF_FFFFL;
        }
        return slowLoad(a, 4);
    }

    /** @return the little-endian 64-bit value at {@code a} */
    public long loadU64(int a) {
        int o = a & 4095;
        byte[][] d = readDir[a >>> 22];
        byte[] p;
        if (o <= PAGE_SIZE - 8 && d != null && (p = d[(a >>> 12) & 1023]) != null) {
            return (long) LE_LONG.get(p, o);
        }
        return slowLoad(a, 8);
    }

    private long slowLoad(int a, int n) {
        long bad = firstInaccessible(a & 0xFFFF_FFFFL, n, READ);
        if (bad >= 0) throw new MemoryAccessException(bad);
        long v = 0;
        for (int i = 0; i < n; i++) {
            int x = a + i;
            v |= (readDir[x >>> 22][(x >>> 12) & 1023][x & 4095] & 0xFFL) << (8 * i);
        }
        return v;
    }

    // ---------------------------------------------------------------- instruction-level stores

    /** Stores the low octet of {@code v} at {@code a}. */
    public void storeU8(int a, long v) {
        byte[][] d = writeDir[a >>> 22];
        byte[] p;
        if (d != null && (p = d[(a >>> 12) & 1023]) != null) { p[a & 4095] = (byte) v; return; }
        slowStore(a, 1, v);
    }

    /** Stores the low 16 bits of {@code v} little-endian at {@code a}. */
    public void storeU16(int a, long v) {
        int o = a & 4095;
        byte[][] d = writeDir[a >>> 22];
        byte[] p;
        if (o <= PAGE_SIZE - 2 && d != null && (p = d[(a >>> 12) & 1023]) != null) { LE_SHORT.set(p, o, (short) v); return; }
        slowStore(a, 2, v);
    }

    /** Stores the low 32 bits of {@code v} little-endian at {@code a}. */
    public void storeU32(int a, long v) {
        int o = a & 4095;
        byte[][] d = writeDir[a >>> 22];
        byte[] p;
        if (o <= PAGE_SIZE - 4 && d != null && (p = d[(a >>> 12) & 1023]) != null) { LE_INT.set(p, o, (int) v); return; }
        slowStore(a, 4, v);
    }

    /** Stores {@code v} little-endian at {@code a}. */
    public void storeU64(int a, long v) {
        int o = a & 4095;
        byte[][] d = writeDir[a >>> 22];
        byte[] p;
        if (o <= PAGE_SIZE - 8 && d != null && (p = d[(a >>> 12) & 1023]) != null) { LE_LONG.set(p, o, v); return; }
        slowStore(a, 8, v);
    }

    private void slowStore(int a, int n, long v) {
        long bad = firstInaccessible(a & 0xFFFF_FFFFL, n, WRITE);
        if (bad >= 0) throw new MemoryAccessException(bad);
        for (int i = 0; i < n; i++) {
            int x = a + i;
            writablePage(x >>> 12)[x & 4095] = (byte) (v >>> (8 * i));
        }
    }

    /**
     * @return the lowest address lacking read (store = false) or write (store = true) access among
     *         the {@code n} octets at {@code a} (cyclic), or -1 if the access would succeed
     */
    public long checkAccess(int a, int n, boolean store) {
        return firstInaccessible(a & 0xFFFF_FFFFL, n, store ? WRITE : READ);
    }
}

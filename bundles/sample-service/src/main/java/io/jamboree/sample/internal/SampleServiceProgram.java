package io.jamboree.sample.internal;

/**
 * The sample service of issue 16, assembled with {@link PvmAssembler}: its refine (entry 0) returns the Blake2b-256
 * hash of its data, computed in PVM code (RFC 7693: 12 rounds of G over 128-octet blocks, unkeyed,
 * 32-octet digest); its accumulate (entry 5) writes, for every operand whose result is a blob, that blob into the
 * service's storage under the key of the operand's payload hash.
 *
 * <p>Refine: the item index comes from the argument {@code E(c, i, ..)} (the core index is at most two octets). The
 * data is the item's first imported segment ({@code fetch} selector 6) when it imports one (import mode), else its
 * payload ({@code fetch} selector 13, at most 32 KiB, else a panic). Then, export mode: the data is exported
 * ({@code export}, host call 7: zero-padded to {@code W_G}) {@code e_m} times, the item's export count read from its
 * summary S(w) ({@code fetch} selector 12); an item exporting nothing exports nothing. Accumulate: each input from {@code fetch}
 * selector 15 ({@code E(i[k])}: discriminator 0, then package hash, segment root, authorizer hash, payload hash,
 * the gas limit as a natural, the result as {@code 0 ⌢ ↕blob}); {@code write} (host call 4) stores the blob.
 */
public final class SampleServiceProgram {
    /** Stack octets of the standard program. */
    static final int STACK = 64 * 1024;

    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
    };
    private static final int[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}
    };

    // registers
    private static final int RA = 0, SP = 1, M = 2, A = 3, B = 4, C = 5, D = 6, P = 7, N = 8, X = 9, Y = 10, T = 11,
            F = 12;
    // stack frame: message buffer, v, h, then the payload
    private static final int MBUF = 0, V = 128, H = 256, ITEM = 384, LEN = 392, SUMMARY = 400, PAYLOAD = 1024,
            MAX_PAYLOAD = 32 * 1024;
    private static final int FRAME = PAYLOAD + MAX_PAYLOAD;
    // accumulate frame
    private static final int INPUT = 0, MAX_INPUT = 4096;

    private SampleServiceProgram() {}

    /** The service code preimage {@code E(↕m, c)}. */
    public static byte[] preimage() {
        return assemble().servicePreimage(STACK);
    }

    static PvmAssembler assemble() {
        PvmAssembler a = new PvmAssembler();
        a.jump("refine"); // instruction 0: refine; 5 octets, so accumulate starts at 5
        accumulate(a);
        refine(a);
        return a;
    }

    private static void refine(PvmAssembler a) {
        a.label("refine");
        a.addImm64(SP, SP, -FRAME);
        // item index i: the second natural of E(c, i, ...); c < 2^14 is one or two octets
        a.loadIndU8(X, P, 0);
        a.branchImm(83, X, 128, "core1");
        a.loadIndU8(T, P, 2);
        a.jump("item");
        a.label("core1");
        a.loadIndU8(T, P, 1);
        a.label("item");
        a.storeIndU64(T, SP, ITEM);
        // import mode: the data is the item's first imported segment, fetch(o, 0, MAX, selector 6, import 0)
        a.addImm64(P, SP, PAYLOAD);
        a.loadImm64(N, 0);
        a.loadImm64(X, MAX_PAYLOAD);
        a.loadImm64(Y, 6);
        a.loadImm64(T, 0);
        a.ecalli(1);
        a.branchImm(86, P, MAX_PAYLOAD, "payload"); // NONE: no import, the data is the payload
        a.jump("data");
        a.label("payload");
        // fetch(o = payload buffer, f = 0, l = MAX, selector 13, item i)
        a.addImm64(P, SP, PAYLOAD);
        a.loadImm64(N, 0);
        a.loadImm64(X, MAX_PAYLOAD);
        a.loadImm64(Y, 13);
        a.loadIndU64(T, SP, ITEM);
        a.ecalli(1);
        a.branchImm(86, P, MAX_PAYLOAD, "fail"); // NONE or too long
        a.label("data");
        a.storeIndU64(P, SP, LEN);
        a.move(N, P);
        a.addImm64(P, SP, PAYLOAD);
        for (int i = 0; i < 8; i++) {
            a.loadImm64(A, i == 0 ? IV[0] ^ 0x01010020L : IV[i]); // h_0 ^= 0x0101 ⌢ kk = 0 ⌢ nn = 32
            a.storeIndU64(A, SP, H + 8 * i);
        }
        a.loadImm64(T, 0);

        a.label("block");
        a.branchImm(86, N, 128, "full");
        // the last block: the rest of the payload, zero-padded, counter t += rest, f = ~0
        a.loadImm64(A, 0);
        for (int j = 0; j < 16; j++) {
            a.storeIndU64(A, SP, MBUF + 8 * j);
        }
        a.loadImm64(X, 0);
        a.label("copy");
        a.branch(174, X, N, "copied");
        a.add64(Y, P, X);
        a.loadIndU8(A, Y, 0);
        a.add64(Y, SP, X);
        a.storeIndU8(A, Y, MBUF);
        a.addImm64(X, X, 1);
        a.jump("copy");
        a.label("copied");
        a.add64(T, T, N);
        a.loadImm64(F, -1);
        a.move(M, SP);
        a.jump("compress");
        // a full block read in place: t += 128, f = 0
        a.label("full");
        a.addImm64(T, T, 128);
        a.loadImm64(F, 0);
        a.move(M, P);

        a.label("compress");
        for (int i = 0; i < 8; i++) {
            a.loadIndU64(A, SP, H + 8 * i);
            a.storeIndU64(A, SP, V + 8 * i);
        }
        for (int i = 0; i < 8; i++) {
            a.loadImm64(A, IV[i]);
            if (i == 4) {
                a.xor(A, A, T);
            } else if (i == 6) {
                a.xor(A, A, F);
            }
            a.storeIndU64(A, SP, V + 64 + 8 * i);
        }
        for (int round = 0; round < 12; round++) {
            int[] s = SIGMA[round % 10];
            g(a, 0, 4, 8, 12, s[0], s[1]);
            g(a, 1, 5, 9, 13, s[2], s[3]);
            g(a, 2, 6, 10, 14, s[4], s[5]);
            g(a, 3, 7, 11, 15, s[6], s[7]);
            g(a, 0, 5, 10, 15, s[8], s[9]);
            g(a, 1, 6, 11, 12, s[10], s[11]);
            g(a, 2, 7, 8, 13, s[12], s[13]);
            g(a, 3, 4, 9, 14, s[14], s[15]);
        }
        for (int i = 0; i < 8; i++) {
            a.loadIndU64(A, SP, H + 8 * i);
            a.loadIndU64(B, SP, V + 8 * i);
            a.loadIndU64(C, SP, V + 64 + 8 * i);
            a.xor(A, A, B);
            a.xor(A, A, C);
            a.storeIndU64(A, SP, H + 8 * i);
        }
        a.branchImm(82, F, 0, "done");
        a.addImm64(P, P, 128);
        a.addImm64(N, N, -128);
        a.jump("block");

        a.label("done");
        // export mode: e_m of the item's summary S(w) (fetch selector 12, at octet 52) times export(data)
        a.addImm64(P, SP, SUMMARY);
        a.loadImm64(N, 0);
        a.loadImm64(X, 64);
        a.loadImm64(Y, 12);
        a.loadIndU64(T, SP, ITEM);
        a.ecalli(1);
        a.branchImm(86, P, 64, "fail");
        a.loadIndU8(F, SP, SUMMARY + 52);
        a.loadIndU8(A, SP, SUMMARY + 53);
        a.branchImm(82, A, 0, "fail"); // more than 255 exports: not this program's
        a.label("export");
        a.branchImm(81, F, 0, "return");
        a.addImm64(P, SP, PAYLOAD);
        a.loadIndU64(N, SP, LEN);
        a.ecalli(7);
        a.addImm64(F, F, -1);
        a.jump("export");
        a.label("return");
        a.addImm64(P, SP, H);
        a.loadImm64(N, 32);
        a.jumpInd(RA, 0);
        a.label("fail");
        a.trap();
    }

    /** G(v, a, b, c, d, m[x], m[y]) of RFC 7693 §3.1, with v on the stack and m at register M. */
    private static void g(PvmAssembler a, int va, int vb, int vc, int vd, int x, int y) {
        a.loadIndU64(A, SP, V + 8 * va);
        a.loadIndU64(B, SP, V + 8 * vb);
        a.loadIndU64(C, SP, V + 8 * vc);
        a.loadIndU64(D, SP, V + 8 * vd);
        a.loadIndU64(X, M, 8 * x);
        a.loadIndU64(Y, M, 8 * y);
        a.add64(A, A, B).add64(A, A, X).xor(D, D, A).rotR64Imm(D, D, 32);
        a.add64(C, C, D).xor(B, B, C).rotR64Imm(B, B, 24);
        a.add64(A, A, B).add64(A, A, Y).xor(D, D, A).rotR64Imm(D, D, 16);
        a.add64(C, C, D).xor(B, B, C).rotR64Imm(B, B, 63);
        a.storeIndU64(A, SP, V + 8 * va);
        a.storeIndU64(B, SP, V + 8 * vb);
        a.storeIndU64(C, SP, V + 8 * vc);
        a.storeIndU64(D, SP, V + 8 * vd);
    }

    private static void accumulate(PvmAssembler a) {
        a.addImm64(SP, SP, -MAX_INPUT);
        a.loadImm64(F, 0); // input index k
        a.label("input");
        // fetch(o = buffer, f = 0, l = MAX_INPUT, selector 15, k)
        a.move(P, SP);
        a.loadImm64(N, 0);
        a.loadImm64(X, MAX_INPUT);
        a.loadImm64(Y, 15);
        a.move(T, F);
        a.ecalli(1);
        a.branchImm(86, P, MAX_INPUT, "inputsDone"); // NONE: no more inputs (or one too long: stop)
        a.addImm64(F, F, 1);
        a.loadIndU8(A, SP, INPUT);
        a.branchImm(82, A, 0, "input"); // a transfer, not an operand
        // the gas limit at 129 is a natural: its first octet gives its length (leading one bits + 1)
        a.loadIndU8(A, SP, INPUT + 129);
        a.loadImm64(B, 1);
        int[] bounds = {0x80, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC, 0xFE, 0xFF};
        for (int j = 0; j < bounds.length; j++) {
            a.branchImm(83, A, bounds[j], "len");
            a.addImm64(B, B, 1);
        }
        a.label("len");
        a.add64(C, SP, B);
        a.addImm64(C, C, INPUT + 129); // C = the result
        a.loadIndU8(A, C, 0);
        a.branchImm(82, A, 0, "input"); // not a blob: nothing to store
        a.loadIndU8(D, C, 1);
        a.branchImm(85, D, 128, "input"); // a blob of 128 octets or more: not ours
        // write(key = payload hash, value = the blob)
        a.addImm64(P, SP, INPUT + 97);
        a.loadImm64(N, 32);
        a.addImm64(X, C, 2);
        a.move(Y, D);
        a.ecalli(4);
        a.jump("input");
        a.label("inputsDone");
        a.loadImm64(P, 0);
        a.loadImm64(N, 0);
        a.jumpInd(RA, 0);
    }
}

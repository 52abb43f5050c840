package io.jamboree.accumulate.internal;

import io.jamboree.codec.Encoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal assembler for test services: a standard program (GP 0.7.2 Appendix A.7) with read-only
 * data at Z_Z = 0x10000 and code whose accumulate entry point is instruction 5 (five fallthroughs
 * first), using load_imm_64 (20), ecalli (10) and jump_ind (50) to halt via ω_0.
 */
final class GuestProgram {
    /** Address of the read-only data. */
    static final long RO = 0x10000;

    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Boolean> mask = new ArrayList<>();
    private final byte[] roData;

    GuestProgram(byte[] roData) {
        this.roData = roData;
        for (int i = 0; i < 5; i++) op(1);
    }

    /** load_imm_64 ω_r = v. */
    GuestProgram set(int r, long v) {
        op(20);
        arg(r);
        for (int i = 0; i < 8; i++) arg((int) (v >>> (8 * i)));
        return this;
    }

    /** ecalli n (n < 128). */
    GuestProgram hostCall(int n) {
        op(10);
        arg(n);
        return this;
    }

    /** jump_ind ω_0 + 0: halts, ω_0 holding the halt address. */
    GuestProgram halt() {
        op(50);
        arg(0);
        return this;
    }

    /** load_u8 ω_r = μ[address] (GP A.5.6, opcode 52). */
    GuestProgram loadU8(int r, long address) {
        op(52);
        arg(r);
        for (int i = 0; i < 4; i++) arg((int) (address >>> (8 * i)));
        return this;
    }

    /** trap: panics. */
    GuestProgram trap() {
        op(0);
        return this;
    }

    private void op(int opcode) {
        code.write(opcode);
        mask.add(true);
    }

    private void arg(int b) {
        code.write(b & 0xFF);
        mask.add(false);
    }

    /** The service code preimage E(↕m, c) with empty metadata (GP §9.1). */
    byte[] preimage() {
        byte[] program = blob();
        Encoder std = new Encoder();
        std.fixed(roData.length, 3).fixed(0, 3).fixed(0, 2).fixed(4096, 3).bytes(roData).fixed(program.length, 4)
                .bytes(program);
        byte[] s = std.toByteArray();
        Encoder pre = new Encoder();
        pre.natural(0).bytes(s);
        return pre.toByteArray();
    }

    /** The bare program blob E(|j|) ⌢ E_1(z) ⌢ E(|c|) ⌢ E_z(j) ⌢ E(c) ⌢ E(k) (GP A.1), no jump table. */
    byte[] blob() {
        byte[] c = code.toByteArray();
        Encoder blob = new Encoder();
        blob.natural(0).u8(0).natural(c.length).bytes(c);
        byte[] k = new byte[(c.length + 7) / 8];
        for (int i = 0; i < c.length; i++) if (mask.get(i)) k[i / 8] |= (byte) (1 << (i % 8));
        blob.bytes(k);
        return blob.toByteArray();
    }
}

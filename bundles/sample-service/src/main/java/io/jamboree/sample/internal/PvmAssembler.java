package io.jamboree.sample.internal;

import io.jamboree.codec.Encoder;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small PVM assembler for test services (GP 0.7.2 Appendix A.5 instruction encodings), with labels. Every
 * immediate and offset is written at its widest (4 octets, 8 for {@code load_imm_64}), so sizes never depend on
 * label positions. A label is a basic-block start: if the instruction before it does not end a block, a
 * {@code fallthrough} is put in between (GP A.3: branches may only land on block starts).
 */
final class PvmAssembler {
    private final ByteArrayOutputStream code = new ByteArrayOutputStream();
    private final List<Boolean> mask = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    /** (position of the 4 offset octets, instruction start, label). */
    private final List<Object[]> fixups = new ArrayList<>();
    private boolean blockEnded = true;

    int position() {
        return code.size();
    }

    PvmAssembler label(String name) {
        if (!blockEnded) {
            op(1, false); // fallthrough
        }
        if (labels.put(name, code.size()) != null) {
            throw new IllegalArgumentException("label " + name + " defined twice");
        }
        blockEnded = true;
        return this;
    }

    // ---- A.5.1 / A.5.2 / A.5.3

    PvmAssembler trap() {
        return op(0, true);
    }

    PvmAssembler ecalli(int index) {
        op(10, false);
        return imm32(index);
    }

    /** {@code load_imm_64 r = v}. */
    PvmAssembler loadImm64(int r, long v) {
        op(20, false);
        arg(r);
        for (int i = 0; i < 8; i++) {
            arg((int) (v >>> (8 * i)));
        }
        return this;
    }

    /** {@code jump label}. */
    PvmAssembler jump(String label) {
        int start = code.size();
        op(40, true);
        return offset(start, label);
    }

    // ---- A.5.6 one register and one immediate

    /** {@code jump_ind r + imm}. */
    PvmAssembler jumpInd(int r, int imm) {
        op(50, true);
        arg(r);
        return imm32(imm);
    }

    // ---- A.5.7 one register, one immediate, one offset

    /** {@code branch_OP_imm r, imm, label}: opcode 81 eq, 82 ne, 83 lt_u, 84 le_u, 85 ge_u, 86 gt_u. */
    PvmAssembler branchImm(int opcode, int r, int imm, String label) {
        int start = code.size();
        op(opcode, true);
        arg(r | 4 << 4);
        imm32(imm);
        return offset(start, label);
    }

    // ---- A.5.8 two registers

    /** {@code move_reg d = a}. */
    PvmAssembler move(int d, int a) {
        op(100, false);
        return arg(d | a << 4);
    }

    // ---- A.5.10 two registers and one immediate: rA is the low nibble, rB the high one

    private PvmAssembler twoRegImm(int opcode, int a, int b, long imm) {
        op(opcode, false);
        arg(a | b << 4);
        return imm32(imm);
    }

    /** {@code store_ind_u8 [b + imm] = a}. */
    PvmAssembler storeIndU8(int a, int b, int imm) {
        return twoRegImm(120, a, b, imm);
    }

    /** {@code store_ind_u64 [b + imm] = a}. */
    PvmAssembler storeIndU64(int a, int b, int imm) {
        return twoRegImm(123, a, b, imm);
    }

    /** {@code load_ind_u8 a = [b + imm]}. */
    PvmAssembler loadIndU8(int a, int b, int imm) {
        return twoRegImm(124, a, b, imm);
    }

    /** {@code load_ind_u64 a = [b + imm]}. */
    PvmAssembler loadIndU64(int a, int b, int imm) {
        return twoRegImm(130, a, b, imm);
    }

    /** {@code add_imm_64 a = b + imm}. */
    PvmAssembler addImm64(int a, int b, long imm) {
        return twoRegImm(149, a, b, imm);
    }

    /** {@code rot_r_64_imm a = b >>> imm}. */
    PvmAssembler rotR64Imm(int a, int b, int imm) {
        return twoRegImm(158, a, b, imm);
    }

    // ---- A.5.11 two registers and one offset

    /** {@code branch_OP a, b, label}: 170 eq, 171 ne, 172 lt_u, 173 lt_s, 174 ge_u, 175 ge_s. */
    PvmAssembler branch(int opcode, int a, int b, String label) {
        int start = code.size();
        op(opcode, true);
        arg(a | b << 4);
        return offset(start, label);
    }

    // ---- A.5.13 three registers: d = a OP b

    private PvmAssembler threeReg(int opcode, int d, int a, int b) {
        op(opcode, false);
        arg(a | b << 4);
        return arg(d);
    }

    PvmAssembler add64(int d, int a, int b) {
        return threeReg(200, d, a, b);
    }

    PvmAssembler sub64(int d, int a, int b) {
        return threeReg(201, d, a, b);
    }

    PvmAssembler xor(int d, int a, int b) {
        return threeReg(211, d, a, b);
    }

    // ---- output

    /** The program blob {@code E(|j|) ⌢ E_1(z) ⌢ E(|c|) ⌢ E_z(j) ⌢ c ⌢ k} (GP A.1) with an empty jump table. */
    byte[] blob() {
        byte[] c = code.toByteArray();
        for (Object[] f : fixups) {
            Integer target = labels.get((String) f[2]);
            if (target == null) {
                throw new IllegalStateException("undefined label " + f[2]);
            }
            int at = (Integer) f[0];
            int rel = target - (Integer) f[1];
            for (int i = 0; i < 4; i++) {
                c[at + i] = (byte) (rel >>> (8 * i));
            }
        }
        Encoder blob = new Encoder();
        blob.natural(0).u8(0).natural(c.length).bytes(c);
        byte[] k = new byte[(c.length + 7) / 8];
        for (int i = 0; i < c.length; i++) {
            if (mask.get(i)) {
                k[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return blob.bytes(k).toByteArray();
    }

    /**
     * The standard program (GP A.7) {@code E_3(|o|) ⌢ E_3(|w|) ⌢ E_2(z) ⌢ E_3(s) ⌢ o ⌢ w ⌢ E_4(|c|) ⌢ c} with no
     * data, no heap pages and a stack of {@code stack} octets, wrapped as a service code preimage {@code E(↕m, c)}
     * with empty metadata (GP §9.1).
     */
    byte[] servicePreimage(int stack) {
        byte[] program = blob();
        Encoder std = new Encoder();
        std.fixed(0, 3).fixed(0, 3).fixed(0, 2).fixed(stack, 3).fixed(program.length, 4).bytes(program);
        Encoder pre = new Encoder();
        pre.natural(0).bytes(std.toByteArray());
        return pre.toByteArray();
    }

    private PvmAssembler op(int opcode, boolean terminates) {
        code.write(opcode);
        mask.add(true);
        blockEnded = terminates;
        return this;
    }

    private PvmAssembler arg(int b) {
        code.write(b & 0xFF);
        mask.add(false);
        return this;
    }

    private PvmAssembler imm32(long v) {
        for (int i = 0; i < 4; i++) {
            arg((int) (v >>> (8 * i)));
        }
        return this;
    }

    private PvmAssembler offset(int start, String label) {
        fixups.add(new Object[] {code.size(), start, label});
        return imm32(0);
    }
}

package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Opcodes;
import io.jamboree.pvm.Memory;
import io.jamboree.pvm.MemoryAccessException;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Translates the units of a {@link Decoded} program (GP 0.7.2 A.3 basic blocks, split after ecalli) into JVM
 * bytecode with {@code java.lang.classfile} and loads each chunk as a hidden class. Per unit: one gas check
 * and charge for the whole unit (A.5: 1 per instruction), then straight-line code per instruction over the
 * register array; branches and jumps within a chunk are direct gotos to the target unit's code.
 */
final class Codegen {
    private Codegen() {
    }

    /**
     * Conservative bytecode budget per chunk method: below HotSpot's HugeMethodLimit (8000 bytecode octets),
     * above which a method is never JIT-compiled (-XX:+DontCompileHugeMethods, the default) and would run in
     * the JVM's bytecode interpreter for ever (measured: 8x slower than the PVM interpreter on traces/storage).
     */
    private static final int CHUNK_BUDGET = Integer.getInteger("jam.pvm.recompiler.chunk", 7_000);

    private static final ClassDesc CD_MEMORY = ClassDesc.of(Memory.class.getName());
    private static final ClassDesc CD_CHUNK = ClassDesc.of(Chunk.class.getName());
    private static final ClassDesc CD_MAE = ClassDesc.of(MemoryAccessException.class.getName());
    private static final ClassDesc CD_ISA = ClassDesc.of(Isa.class.getName());
    private static final ClassDesc CD_LONG = ConstantDescs.CD_Long;
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final MethodTypeDesc RUN_TYPE = MethodTypeDesc.of(ConstantDescs.CD_int,
            ConstantDescs.CD_long.arrayType(), CD_MEMORY, ConstantDescs.CD_long.arrayType(),
            ConstantDescs.CD_int.arrayType(), ConstantDescs.CD_int);
    private static final MethodTypeDesc ALU = MethodTypeDesc.ofDescriptor("(IJJ)J");
    private static final MethodTypeDesc CMPU = MethodTypeDesc.ofDescriptor("(JJ)I");
    private static final MethodTypeDesc DJUMP = MethodTypeDesc.ofDescriptor("(J[I)I");
    private static final MethodTypeDesc SBRK = MethodTypeDesc.of(ConstantDescs.CD_long, CD_MEMORY, ConstantDescs.CD_long);
    private static final MethodTypeDesc LOAD = MethodTypeDesc.ofDescriptor("(I)J");
    private static final MethodTypeDesc STORE = MethodTypeDesc.ofDescriptor("(IJ)V");
    private static final MethodTypeDesc MUL_HIGH = MethodTypeDesc.ofDescriptor("(JJ)J");
    private static final MethodTypeDesc LONG_TO_INT = MethodTypeDesc.ofDescriptor("(J)I");
    private static final MethodTypeDesc INT_TO_INT = MethodTypeDesc.ofDescriptor("(I)I");
    private static final MethodTypeDesc LONG_TO_LONG = MethodTypeDesc.ofDescriptor("(J)J");
    private static final MethodTypeDesc ADDRESS = MethodTypeDesc.ofDescriptor("()J");

    // locals
    private static final int R = 0, M = 1, ST = 2, JT = 3, SLOT = 4, GAS = 5, CUR = 7, TGT = 8, EXC = 9;

    /**
     * Splits the units of {@code d} into chunks; no code is generated yet ({@link Compiled} generates a chunk
     * once it has been entered often enough, see {@link #chunk}).
     */
    static Compiled compile(Decoded d, int hotEntries) {
        return compile(d, hotEntries, null);
    }

    /**
     * Splits the units into chunks; their code is generated once hot, by {@code generator} if not null (else by the
     * thread entering the chunk).
     */
    static Compiled compile(Decoded d, int hotEntries, java.util.concurrent.Executor generator) {
        int units = d.unitStart.length;
        int[] chunkOf = new int[units];
        List<int[]> chunks = new ArrayList<>(); // [firstUnit, endUnit)
        int first = 0, size = 0;
        for (int u = 0; u < units; u++) {
            int cost = 80 + 50 * d.unitLen[u];
            if (u > first && size + cost > CHUNK_BUDGET) {
                chunks.add(new int[] {first, u});
                first = u;
                size = 0;
            }
            size += cost;
            chunkOf[u] = chunks.size();
        }
        chunks.add(new int[] {first, units});
        return new Compiled(d, chunks.toArray(int[][]::new), chunkOf, hotEntries, generator);
    }

    /** Generates and loads the hidden class of one chunk, units [from, to); @return an instance of it. */
    static Chunk chunk(Decoded d, int from, int to) {
        ClassDesc self = ClassDesc.of(Codegen.class.getPackageName() + ".Chunk$Code");
        byte[] bytes = ClassFile.of().build(self,
                cb -> cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                        .withInterfaceSymbols(CD_CHUNK)
                        .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC,
                                cob -> cob.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME,
                                        ConstantDescs.MTD_void).return_())
                        .withMethodBody("enter", RUN_TYPE, ClassFile.ACC_PUBLIC,
                                cob -> cob.aload(1).aload(2).aload(3).aload(4).iload(5)
                                        .invokestatic(self, "run", RUN_TYPE).ireturn())
                        .withMethodBody("run", RUN_TYPE, ClassFile.ACC_STATIC | ClassFile.ACC_PUBLIC,
                                cob -> new Unit(d, cob, from, to).emit()));
        try {
            MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Chunk) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load generated PVM code", e);
        }
    }

    /** Emits one chunk: units [from, to). */
    private static final class Unit {
        final Decoded d;
        final CodeBuilder b;
        final int from, to;
        final Label[] labels;
        final Label indirect;
        boolean usesIndirect;

        Unit(Decoded d, CodeBuilder b, int from, int to) {
            this.d = d;
            this.b = b;
            this.from = from;
            this.to = to;
            labels = new Label[to - from];
            for (int i = 0; i < labels.length; i++) labels[i] = b.newLabel();
            indirect = b.newLabel();
        }

        void emit() {
            b.aload(ST).iconst_0().laload().lstore(GAS);
            b.iconst_0().istore(CUR).iconst_0().istore(TGT);
            Label start = b.newLabel(), end = b.newLabel(), handler = b.newLabel(), bad = b.newLabel();
            b.labelBinding(start);
            List<SwitchCase> cases = new ArrayList<>();
            for (int u = from; u < to; u++) cases.add(SwitchCase.of(d.unitStart[u], labels[u - from]));
            b.iload(SLOT).lookupswitch(bad, cases);
            for (int u = from; u < to; u++) unit(u);
            if (usesIndirect) {
                b.labelBinding(indirect);
                TreeSet<Integer> targets = new TreeSet<>();
                for (int t : d.jumpSlots) if (t >= 0 && inChunk(t)) targets.add(t);
                List<SwitchCase> jc = new ArrayList<>();
                Label other = b.newLabel();
                for (int t : targets) jc.add(SwitchCase.of(t, labels[d.unitOf[t] - from]));
                b.iload(TGT).lookupswitch(other, jc);
                b.labelBinding(other);
                b.aload(ST).iconst_0().lload(GAS).lastore();
                b.aload(ST).iconst_1().iload(TGT).i2l().lastore();
                b.loadConstant(Compiled.CONTINUE).ireturn();
            }
            b.labelBinding(end);
            b.labelBinding(bad);
            b.iconst_m1().ireturn();
            b.labelBinding(handler);
            b.astore(EXC);
            b.aload(ST).iconst_0().lload(GAS).lastore();
            b.aload(ST).iconst_1().iload(CUR).i2l().lastore();
            b.aload(ST).iconst_2().aload(EXC).invokevirtual(CD_MAE, "address", ADDRESS).lastore();
            b.loadConstant(Compiled.FAULT).ireturn();
            b.exceptionCatch(start, end, handler, CD_MAE);
        }

        boolean inChunk(int slot) {
            int u = d.unitOf[slot];
            return u >= from && u < to;
        }

        void unit(int u) {
            int s0 = d.unitStart[u], n = d.unitLen[u];
            b.labelBinding(labels[u - from]);
            Label ok = b.newLabel();
            b.lload(GAS).loadConstant((long) n).lcmp().ifge(ok);
            exit(s0, Compiled.STEP);
            b.labelBinding(ok);
            b.lload(GAS).loadConstant((long) n).lsub().lstore(GAS);
            for (int s = s0; s < s0 + n; s++) instruction(s);
            int last = s0 + n - 1;
            if (!Opcodes.terminates(d.op[last]) && d.op[last] != Opcodes.ECALLI && last + 1 < d.op.length) goTo(last + 1);
        }

        /** st[0] = gas, st[1] = slot; return code. */
        void exit(int slot, int code) {
            b.aload(ST).iconst_0().lload(GAS).lastore();
            b.aload(ST).iconst_1().loadConstant((long) slot).lastore();
            b.loadConstant(code).ireturn();
        }

        /** Continue at unit slot t, or panic at s if t = -1. */
        void jumpOrPanic(int s, int t) {
            if (t < 0) exit(s, Compiled.PANIC);
            else goTo(t);
        }

        void goTo(int t) {
            if (inChunk(t)) b.goto_(labels[d.unitOf[t] - from]);
            else exit(t, Compiled.CONTINUE);
        }

        void reg(int i) {
            b.aload(R).loadConstant(i).laload();
        }

        void instruction(int s) {
            final int o = d.op[s], x = d.regs[s];
            final int ra = x & 15, rb = (x >>> 4) & 15, rc = x >>> 8;
            final long ix = d.immX[s], iy = d.immY[s];
            switch (o) {
                case 0 -> exit(s, Compiled.PANIC);
                case 1 -> goTo(s + 1);
                case 10 -> {
                    b.aload(ST).iconst_2().loadConstant(ix).lastore();
                    exit(s, Compiled.HOST);
                }
                case 20, 51 -> b.aload(R).loadConstant(ra).loadConstant(ix).lastore();
                case 40 -> jumpOrPanic(s, d.target[s]);
                case 50, 180 -> {
                    if (o == 50) reg(ra);
                    else reg(rb);
                    b.loadConstant(o == 50 ? ix : iy).ladd().loadConstant(0xFFFF_FFFFL).land();
                    b.aload(JT).invokestatic(CD_ISA, "djump", DJUMP).istore(TGT);
                    if (o == 180) b.aload(R).loadConstant(ra).loadConstant(ix).lastore();
                    Label neg = b.newLabel();
                    b.iload(TGT).iflt(neg).goto_(indirect);
                    usesIndirect = true;
                    b.labelBinding(neg);
                    b.aload(ST).iconst_0().lload(GAS).lastore();
                    b.aload(ST).iconst_1().loadConstant((long) s).lastore();
                    b.iload(TGT).iconst_2().iadd().ireturn(); // -2 → HALT (0), -1 → PANIC (1)
                }
                case 80 -> {
                    b.aload(R).loadConstant(ra).loadConstant(ix).lastore();
                    jumpOrPanic(s, d.target[s]);
                }
                case 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 170, 171, 172, 173, 174, 175 -> {
                    reg(ra);
                    if (o >= 170) reg(rb);
                    else b.loadConstant(ix);
                    boolean unsigned = switch (o) {
                        case 83, 84, 85, 86, 172, 174 -> true;
                        default -> false;
                    };
                    if (unsigned) b.invokestatic(CD_LONG, "compareUnsigned", CMPU);
                    else b.lcmp();
                    Label taken = b.newLabel();
                    switch (o) {
                        case 81, 170 -> b.ifeq(taken);
                        case 82, 171 -> b.ifne(taken);
                        case 83, 87, 172, 173 -> b.iflt(taken);
                        case 84, 88 -> b.ifle(taken);
                        case 85, 89, 174, 175 -> b.ifge(taken);
                        default -> b.ifgt(taken);
                    }
                    goTo(s + 1);
                    b.labelBinding(taken);
                    jumpOrPanic(s, d.target[s]);
                }
                case 101 -> {
                    b.aload(R).loadConstant(ra).aload(M);
                    reg(rb);
                    b.invokestatic(CD_ISA, "sbrk", SBRK).lastore();
                }
                case 147, 148, 218, 219 -> {
                    Label skip = b.newLabel();
                    reg(rb);
                    b.lconst_0().lcmp();
                    if (o == 147 || o == 218) b.ifne(skip);
                    else b.ifeq(skip);
                    if (o < 200) b.aload(R).loadConstant(ra).loadConstant(ix).lastore();
                    else {
                        b.aload(R).loadConstant(rc);
                        reg(ra);
                        b.lastore();
                    }
                    b.labelBinding(skip);
                }
                default -> {
                    if (Isa.memory(o)) memory(s, o, ra, rb, ix, iy);
                    else alu(o, ra, rb, rc, ix);
                }
            }
        }

        /** 32-bit shifts and multiplication (A.5.10, A.5.13): operate on ints, sign-extend the result. */
        boolean inline32(int o, int ra, int rb, long ix) {
            switch (o) {
                case 135, 138, 139, 140 -> {
                    reg(rb);
                    b.l2i().loadConstant((int) ix);
                }
                case 144, 145, 146 -> {
                    b.loadConstant((int) ix);
                    reg(rb);
                    b.l2i();
                }
                case 192, 197, 198, 199 -> {
                    reg(ra);
                    b.l2i();
                    reg(rb);
                    b.l2i();
                }
                default -> {
                    return false;
                }
            }
            switch (o) {
                case 135, 192 -> b.imul();
                case 138, 144, 197 -> b.ishl();
                case 139, 145, 198 -> b.iushr();
                default -> b.ishr();
            }
            b.i2l();
            return true;
        }

        /** A.5.9 bit counting, extension and byte reversal on ω_A. */
        boolean unary(int o, int rb) {
            if (o < 102 || o > 111) return false;
            reg(rb);
            ClassDesc cls = switch (o) {
                case 103, 105, 107 -> ConstantDescs.CD_Integer;
                default -> CD_LONG;
            };
            switch (o) {
                case 102, 104, 106 -> b.invokestatic(cls, o == 102 ? "bitCount" : o == 104 ? "numberOfLeadingZeros"
                        : "numberOfTrailingZeros", LONG_TO_INT).i2l();
                case 103, 105, 107 -> b.l2i().invokestatic(cls, o == 103 ? "bitCount" : o == 105
                        ? "numberOfLeadingZeros" : "numberOfTrailingZeros", INT_TO_INT).i2l();
                case 108 -> b.l2i().i2b().i2l();
                case 109 -> b.l2i().i2s().i2l();
                case 110 -> b.loadConstant(0xFFFFL).land();
                default -> b.invokestatic(CD_LONG, "reverseBytes", LONG_TO_LONG);
            }
            return true;
        }

        void address(int o, int ra, int rb, long ix) {
            if (o >= 120) {
                reg(rb);
                b.loadConstant(ix).ladd().l2i();
            } else if (o >= 70) {
                reg(ra);
                b.loadConstant(ix).ladd().l2i();
            } else {
                b.loadConstant((int) ix);
            }
        }

        void memory(int s, int o, int ra, int rb, long ix, long iy) {
            b.loadConstant(s).istore(CUR);
            int w = Isa.width(o);
            String suffix = "U" + (8 * w);
            if (Isa.store(o)) {
                b.aload(M);
                address(o, ra, rb, ix);
                if (o <= 33 || (o >= 70 && o <= 73)) b.loadConstant(iy);
                else reg(ra);
                b.invokevirtual(CD_MEMORY, "store" + suffix, STORE);
            } else {
                b.aload(R).loadConstant(ra).aload(M);
                address(o, ra, rb, ix);
                b.invokevirtual(CD_MEMORY, "load" + suffix, LOAD);
                switch (o) {
                    case 53, 125 -> b.l2i().i2b().i2l();
                    case 55, 127 -> b.l2i().i2s().i2l();
                    case 57, 129 -> b.l2i().i2l();
                    default -> { }
                }
                b.lastore();
            }
        }

        void alu(int o, int ra, int rb, int rc, long ix) {
            int dst = o >= 190 ? rc : ra;
            b.aload(R).loadConstant(dst);
            if (inline32(o, ra, rb, ix) || unary(o, rb)) {
                b.lastore();
                return;
            }
            if (o < 120) { // A.5.9 two registers
                reg(rb);
                if (o == 100) { b.lastore(); return; }
                b.lconst_0();
            } else if (o < 190) {
                reg(rb);
                b.loadConstant(ix);
            } else {
                reg(ra);
                reg(rb);
            }
            switch (o) {
                case 149, 200 -> b.ladd();
                case 201 -> b.lsub();
                case 150, 202 -> b.lmul();
                case 132, 210 -> b.land();
                case 133, 211 -> b.lxor();
                case 134, 212 -> b.lor();
                case 151, 207 -> b.l2i().lshl();
                case 152, 208 -> b.l2i().lushr();
                case 153, 209 -> b.l2i().lshr();
                case 131, 190 -> b.ladd().l2i().i2l();
                case 224 -> b.loadConstant(-1L).lxor().land();
                case 225 -> b.loadConstant(-1L).lxor().lor();
                case 226 -> b.lxor().loadConstant(-1L).lxor();
                case 213 -> b.invokestatic(CD_MATH, "multiplyHigh", MUL_HIGH);
                case 214 -> b.invokestatic(CD_MATH, "unsignedMultiplyHigh", MUL_HIGH);
                case 227, 229 -> b.invokestatic(CD_MATH, o == 227 ? "max" : "min", MUL_HIGH);
                case 191 -> b.lsub().l2i().i2l();
                default -> {
                    // a, b on the stack: call the shared semantics with the opcode first
                    b.lstore(EXC + 2).lstore(EXC + 4);
                    b.loadConstant(o).lload(EXC + 4).lload(EXC + 2);
                    b.invokestatic(CD_ISA, "alu", ALU);
                }
            }
            b.lastore();
        }
    }
}

package io.jamboree.pvm;

/**
 * The PVM instruction tables (GP Appendix A.5): opcode numbers, their argument layouts (A.5.1–A.5.13) and the
 * basic-block terminators T (A.3, eq. A.3). Shared by every engine and by {@link DecodedProgram}.
 */
public final class Opcodes {
    private Opcodes() {
    }

    public static final int TRAP = 0, FALLTHROUGH = 1, ECALLI = 10, LOAD_IMM_64 = 20;
    public static final int STORE_IMM_U8 = 30, STORE_IMM_U16 = 31, STORE_IMM_U32 = 32, STORE_IMM_U64 = 33;
    public static final int JUMP = 40;
    public static final int JUMP_IND = 50, LOAD_IMM = 51, LOAD_U8 = 52, LOAD_I8 = 53, LOAD_U16 = 54, LOAD_I16 = 55,
            LOAD_U32 = 56, LOAD_I32 = 57, LOAD_U64 = 58, STORE_U8 = 59, STORE_U16 = 60, STORE_U32 = 61, STORE_U64 = 62;
    public static final int STORE_IMM_IND_U8 = 70, STORE_IMM_IND_U16 = 71, STORE_IMM_IND_U32 = 72,
            STORE_IMM_IND_U64 = 73;
    public static final int LOAD_IMM_JUMP = 80, BRANCH_EQ_IMM = 81, BRANCH_NE_IMM = 82, BRANCH_LT_U_IMM = 83,
            BRANCH_LE_U_IMM = 84, BRANCH_GE_U_IMM = 85, BRANCH_GT_U_IMM = 86, BRANCH_LT_S_IMM = 87,
            BRANCH_LE_S_IMM = 88, BRANCH_GE_S_IMM = 89, BRANCH_GT_S_IMM = 90;
    public static final int MOVE_REG = 100, SBRK = 101, COUNT_SET_BITS_64 = 102, COUNT_SET_BITS_32 = 103,
            LEADING_ZERO_BITS_64 = 104, LEADING_ZERO_BITS_32 = 105, TRAILING_ZERO_BITS_64 = 106,
            TRAILING_ZERO_BITS_32 = 107, SIGN_EXTEND_8 = 108, SIGN_EXTEND_16 = 109, ZERO_EXTEND_16 = 110,
            REVERSE_BYTES = 111;
    public static final int STORE_IND_U8 = 120, STORE_IND_U16 = 121, STORE_IND_U32 = 122, STORE_IND_U64 = 123,
            LOAD_IND_U8 = 124, LOAD_IND_I8 = 125, LOAD_IND_U16 = 126, LOAD_IND_I16 = 127, LOAD_IND_U32 = 128,
            LOAD_IND_I32 = 129, LOAD_IND_U64 = 130;
    public static final int BRANCH_EQ = 170, BRANCH_NE = 171, BRANCH_LT_U = 172, BRANCH_LT_S = 173,
            BRANCH_GE_U = 174, BRANCH_GE_S = 175;
    public static final int LOAD_IMM_JUMP_IND = 180;

    /** Argument layouts of A.5.1–A.5.13; {@link #INVALID} for an opcode not in U. */
    public static final int F_NONE = 0, F_IMM = 1, F_REG_EXT_IMM = 2, F_TWO_IMM = 3, F_OFFSET = 4, F_REG_IMM = 5,
            F_REG_TWO_IMM = 6, F_REG_IMM_OFFSET = 7, F_TWO_REG = 8, F_TWO_REG_IMM = 9, F_TWO_REG_OFFSET = 10,
            F_TWO_REG_TWO_IMM = 11, F_THREE_REG = 12, INVALID = -1;

    /** @return the A.5 argument layout of {@code op}, or {@link #INVALID} if op ∉ U */
    public static int format(int op) {
        if (op == 0 || op == 1) return F_NONE;
        if (op == 10) return F_IMM;
        if (op == 20) return F_REG_EXT_IMM;
        if (op >= 30 && op <= 33) return F_TWO_IMM;
        if (op == 40) return F_OFFSET;
        if (op >= 50 && op <= 62) return F_REG_IMM;
        if (op >= 70 && op <= 73) return F_REG_TWO_IMM;
        if (op >= 80 && op <= 90) return F_REG_IMM_OFFSET;
        if (op >= 100 && op <= 111) return F_TWO_REG;
        if (op >= 120 && op <= 161) return F_TWO_REG_IMM;
        if (op >= 170 && op <= 175) return F_TWO_REG_OFFSET;
        if (op == 180) return F_TWO_REG_TWO_IMM;
        if (op >= 190 && op <= 230) return F_THREE_REG;
        return INVALID;
    }

    /** @return true iff op ∈ T, the basic-block termination instructions (GP A.3) */
    public static boolean terminates(int op) {
        return op == TRAP || op == FALLTHROUGH || op == JUMP || op == JUMP_IND || op == LOAD_IMM_JUMP
                || op == LOAD_IMM_JUMP_IND || (op >= 81 && op <= 90) || (op >= 170 && op <= 175);
    }
}

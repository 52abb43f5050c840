package io.jamboree.pvm.recompiler;

import io.jamboree.pvm.Memory;
import io.jamboree.pvm.PvmInstance;
import io.jamboree.pvm.PvmProgram;

/**
 * A decoded program (GP 0.7.2 A.1 deblob, A.2/A.5 decoding) with its generated code, or without code when the
 * program is below the compile threshold (then every instruction is stepped). Immutable and thread-safe.
 *
 * @param decoded  the decoded program, null if the blob is malformed
 * @param compiled the generated code, or null
 */
record RecompiledProgram(Decoded decoded, Compiled compiled) implements PvmProgram {

    @Override
    public boolean valid() {
        return decoded != null;
    }

    @Override
    public int codeLength() {
        return decoded == null ? 0 : decoded.codeLength;
    }

    @Override
    public PvmInstance instantiate(Memory memory) {
        return new RecompiledInstance(this, memory);
    }
}

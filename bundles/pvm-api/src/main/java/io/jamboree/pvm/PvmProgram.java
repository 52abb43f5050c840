package io.jamboree.pvm;

/**
 * A program blob prepared once by a {@link PvmEngine} (deblobbed and pre-decoded) from which any number of
 * {@link PvmInstance}s are created. Immutable and thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PvmProgram {

    /**
     * @return false if the blob could not be deblobbed (GP A.1: every run then panics without charging gas)
     */
    boolean valid();

    /** @return |c|, the length of the instruction data in octets (0 if invalid) */
    int codeLength();

    /**
     * Creates a machine with registers all zero, ı = 0 and gas 0 over the given RAM (owned by the instance
     * from now on).
     */
    PvmInstance instantiate(Memory memory);

    /** Creates a machine with the given initial state (the register array is copied). */
    default PvmInstance instantiate(long[] registers, int pc, long gas, Memory memory) {
        PvmInstance i = instantiate(memory);
        System.arraycopy(registers, 0, i.registers(), 0, 13);
        i.setPc(pc);
        i.setGas(gas);
        return i;
    }
}

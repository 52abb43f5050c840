package io.jamboree.pvm;

/**
 * Thrown by {@link Memory}'s instruction-level accessors when an access touches an address that is not
 * readable (loads) or not writable (stores). Carries the lowest such address, min(x) mod 2^32 of GP A.4;
 * engines turn it into {@link ExitReason.Panic} (below 2^16) or {@link ExitReason.PageFault}.
 * Carries no stack trace: it is control flow, thrown at most once per run.
 */
public final class MemoryAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long address;

    /** @param address the lowest inaccessible address, unsigned 32-bit */
    public MemoryAccessException(long address) {
        super(null, null, false, false);
        this.address = address;
    }

    /** @return the lowest inaccessible address (unsigned 32-bit, not page aligned) */
    public long address() {
        return address;
    }

    @Override
    public String getMessage() {
        return "inaccessible address 0x" + Long.toHexString(address);
    }
}

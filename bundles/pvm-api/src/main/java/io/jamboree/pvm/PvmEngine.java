package io.jamboree.pvm;

/**
 * A PVM implementation (GP 0.7.2 Appendix A), registered as an OSGi service with property
 * {@code pvm.engine} naming it (e.g. {@code interpreter}). Engines are stateless and thread-safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PvmEngine {

    /** @return the engine's name, equal to its {@code pvm.engine} service property */
    String name();

    /**
     * Prepares a program blob p = E(|j|) ⌢ E_1(z) ⌢ E(|c|) ⌢ E_z(j) ⌢ E(c) ⌢ E(k) (GP A.1 deblob) for
     * execution. Never fails: a malformed blob yields a program with {@code valid() == false}.
     */
    PvmProgram prepare(byte[] blob);
}

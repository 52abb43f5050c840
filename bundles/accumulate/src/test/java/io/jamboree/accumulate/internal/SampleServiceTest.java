package io.jamboree.accumulate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.accumulate.RefinementResult;
import io.jamboree.core.hash.Blake2b256;
import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.types.Hash;
import io.jamboree.types.WorkExecResult;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sample service ({@link SampleServiceProgram}) on the PVM interpreter through the real Refine invocation
 * Ψ_R (GP B.3): its refine output is the Blake2b-256 of the payload, for payloads of zero, one, several and partial
 * 128-octet blocks (checked against the node's own Blake2b, an independent implementation).
 */
class SampleServiceTest {
    @Test
    void refineReturnsBlake2bOfThePayload() {
        Random r = new Random(16);
        for (int len : new int[] {0, 1, 3, 127, 128, 129, 256, 300, 1000}) {
            byte[] payload = new byte[len];
            r.nextBytes(payload);
            RefineFixture fx = new RefineFixture();
            byte[] codeHash = fx.preimage(RefineFixture.SELF, SampleServiceProgram.preimage(), 0);
            RefinementResult out = RefineInvocation.invoke(new InterpreterEngine(), RefineFixture.P, fx.base, 0, 0,
                    RefineFixture.pkg(payload, new Hash(codeHash), 0), RefineFixture.TRACE, RefineFixture.IMPORTS,
                    RefineFixture.EXTRINSICS, 0);
            WorkExecResult.Ok ok = assertInstanceOf(WorkExecResult.Ok.class, out.result(), "payload of " + len);
            assertArrayEquals(Blake2b256.hash(payload), ok.output().bytes(), "payload of " + len);
            assertTrue(out.gasUsed() > 0);
        }
    }
}

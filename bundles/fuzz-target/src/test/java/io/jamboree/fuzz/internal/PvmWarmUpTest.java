package io.jamboree.fuzz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.pvm.interpreter.InterpreterEngine;
import io.jamboree.sample.SampleService;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The PVM warm-up ({@link PvmWarmUp}): the sample service's refine on the interpreter halts with the Blake2b-256 of
 * the payload (checked against the node's Blake2b-256 each run); a code preimage cut short ends it with a reason.
 */
class PvmWarmUpTest {
    @Test
    void refineHashesThePayloadOnEveryRun() {
        PvmWarmUp.Result r = PvmWarmUp.run(new InterpreterEngine(), SampleService.codePreimage(), 3, 4096);
        assertNull(r.problem(), r.describe());
        assertEquals(3, r.runs());
        assertTrue(r.gasUsed() > 3 * 10_000, "Blake2b of 4 KiB takes tens of thousands of instructions: " + r.describe());
    }

    @Test
    void aBrokenProgramEndsItWithTheReason() {
        byte[] code = SampleService.codePreimage();
        PvmWarmUp.Result r = PvmWarmUp.run(new InterpreterEngine(), Arrays.copyOf(code, code.length / 2), 3, 4096);
        assertEquals(0, r.runs());
        assertNotNull(r.problem());
        assertTrue(r.problem().startsWith("engine interpreter: refine ended with "), r.problem());
    }
}

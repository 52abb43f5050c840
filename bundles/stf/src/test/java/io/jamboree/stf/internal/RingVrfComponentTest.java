package io.jamboree.stf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.stf.safrole.RingVrf;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The RingVrf service passes every operation on to the shared ring, the default methods included: when it
 * inherited {@code prepareRingRoot} and {@code verifyAll}, a node computed no ring root ahead (the first epoch
 * change paid for it) and verified tickets one by one.
 */
class RingVrfComponentTest {

    @Test
    void everyRingVrfMethodIsPassedOn() throws NoSuchMethodException {
        int checked = 0;
        for (Method m : RingVrf.class.getMethods()) {
            Method impl = RingVrfComponent.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(RingVrfComponent.class, impl.getDeclaringClass(), m.getName() + " is not overridden");
            checked++;
        }
        assertTrue(checked >= 4, "RingVrf has " + checked + " methods");
    }
}

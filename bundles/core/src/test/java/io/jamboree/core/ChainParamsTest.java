package io.jamboree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChainParamsTest {
    @Test
    void ancestryLengthIsLScaledLikeTheExpungePeriod() {
        assertEquals(14_400, ChainParams.full().ancestryLength()); // GP §11.4: L
        assertEquals(24, ChainParams.tiny().ancestryLength());     // fuzz-proto README "Ancestry": tiny A = 24
    }
}

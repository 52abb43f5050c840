package io.jamboree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChainParamsTest {
    @Test
    void ancestryLengthIsLScaledLikeTheExpungePeriod() {
        assertEquals(14_400, ChainParams.full().ancestryLength()); // GP §11.4: L
        assertEquals(24, ChainParams.tiny().ancestryLength());     // fuzz-proto README "Ancestry": tiny A = 24
    }

    @Test
    void oneLPerChainForTheAnchorAgeAndTheAncestry() {
        for (ChainParams p : new ChainParams[] {ChainParams.full(), ChainParams.tiny()}) {
            assertEquals(p.maxLookupAnchorAge(), p.ancestryLength(), p.name());
        }
        assertEquals(14_400, ChainParams.full().maxLookupAnchorAge()); // GP I.4.4
        assertEquals(24, ChainParams.tiny().maxLookupAnchorAge());
    }
}

package io.jamboree.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import org.junit.jupiter.api.Test;

/** Constants against lib/tiny-const.asn, lib/full-const.asn and GP Appendix I.4.4. */
class ChainParamsTest {
    @Test
    void tinyMatchesVectorsConstants() {
        ChainParams t = ChainParams.tiny();
        assertEquals(6, t.validatorsCount());
        assertEquals(2, t.coresCount());
        assertEquals(12, t.epochLength());
        assertEquals(3, t.maxTicketsPerBlock());
        assertEquals(3, t.ticketEntriesPerValidator());
        assertEquals(5, t.validatorsSuperMajority());
        assertEquals(1, t.availBitfieldBytes());
        assertEquals(4104, t.ecPieceSize() * t.segmentEcPieces());
    }

    @Test
    void fullMatchesGraypaper() {
        ChainParams f = ChainParams.full();
        assertEquals(1023, f.validatorsCount());
        assertEquals(341, f.coresCount());
        assertEquals(600, f.epochLength());
        assertEquals(16, f.maxTicketsPerBlock());
        assertEquals(2, f.ticketEntriesPerValidator());
        assertEquals(683, f.validatorsSuperMajority());
        assertEquals(43, f.availBitfieldBytes());
        assertEquals(500, f.contestLength());
        assertEquals(4104, f.segmentSize());
        assertEquals(4104, f.ecPieceSize() * f.segmentEcPieces());
        assertEquals(8, f.recentHistorySize());
        assertEquals(80, f.authQueueSize());
    }

    @Test
    void byName() {
        assertSame(ChainParams.tiny(), ChainParams.byName("tiny").orElseThrow());
        assertSame(ChainParams.full(), ChainParams.byName("FULL").orElseThrow());
        assertTrue(ChainParams.byName("medium").isEmpty());
    }
}

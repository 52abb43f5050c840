package io.jamboree.chainspec.internal;

import io.jamboree.chainspec.ChainSpec;
import io.jamboree.chainspec.ChainSpecException;
import io.jamboree.chainspec.ProtocolParameters;
import io.jamboree.core.vectors.SharedFolder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jamboree.core.ChainParams;
import io.jamboree.core.Hex;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JIP-4 file format: round trip, the published examples, and errors that name the JSON path. */
class ChainSpecJsonTest {
    private static ChainSpec tiny;
    private static String json;

    @BeforeAll
    static void build() {
        tiny = DevGenesis.spec(ChainParams.tiny());
        json = ChainSpecJson.write(tiny);
    }

    @Test
    void roundTrip() {
        ChainSpec back = ChainSpecJson.parse(json, "mem");
        assertEquals(tiny.id(), back.id());
        assertSame(ChainParams.tiny(), back.params());
        assertEquals(tiny.genesisHeader().hash(ChainParams.tiny()), back.genesisHash());
        assertEquals(tiny.genesisState(), back.genesisState());
        assertEquals(tiny.genesisStateRoot(), back.genesisStateRoot());
        assertEquals(json, ChainSpecJson.write(back));
        assertTrue(json.contains("\"genesis_header\": \"" + Hex.plain(tiny.genesisHeaderBytes()) + "\""));
    }

    /** Tiny's encoding read at the GP B.5 offsets gives jam-docs chain-spec tiny.md's values. */
    @Test
    void tinyProtocolParametersHoldTheDocumentedValues() {
        ByteBuffer b = ByteBuffer.wrap(ProtocolParameters.encode(ChainParams.tiny())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(ProtocolParameters.SIZE, b.remaining());
        assertEquals(2, b.getShort(24), "num_cores");
        assertEquals(32, b.getInt(26), "preimage_expunge_period");
        assertEquals(12, b.getInt(30), "epoch_duration");
        assertEquals(1_000_000_000L, b.getLong(50), "max_refine_gas");
        assertEquals(20_000_000L, b.getLong(58), "max_block_gas");
        assertEquals(3, b.getShort(72), "max_tickets_per_extrinsic");
        assertEquals(3, b.getShort(78), "tickets_per_validator");
        assertEquals(6, b.getShort(82), "slot_duration");
        assertEquals(4, b.getShort(86), "rotation_period");
        assertEquals(6, b.getShort(92), "num_validators");
        assertEquals(1026, b.getInt(114), "num_ec_pieces_per_segment");
        assertEquals(10, b.getInt(130), "contest_duration");
        assertSame(ChainParams.full(), ProtocolParameters.decode(ProtocolParameters.encode(ChainParams.full()), "x"));
    }

    @Test
    void otherParametersDecodeUnderTheSpecId() {
        byte[] p = ProtocolParameters.encode(ChainParams.tiny());
        p[82] = 2; // P = 2 seconds
        ChainParams custom = ProtocolParameters.decode(p, "fast-tiny");
        assertEquals("fast-tiny", custom.name());
        assertEquals(2, custom.slotSeconds());
        assertEquals(6, custom.validatorsCount());
        assertArrayEquals(p, ProtocolParameters.encode(custom));
    }

    /** JIP-4's example: its bootnodes are valid; its parameters are GP 0.6.7's 138 octets, which 0.7.2 does not have. */
    @Test
    void jip4Example() {
        // the first JSON block of JIP-4 (shared spec folder)
        String jip4 = SharedFolder.read("spec/jips/JIP-4.md");
        int from = jip4.indexOf("```json");
        String example = jip4.substring(jip4.indexOf('\n', from) + 1, jip4.indexOf("```", from + 7));
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpecJson.parse(example, "jip4"));
        assertEquals("jip4: $.protocol_parameters: protocol parameters are 134 octets, got 138", e.getMessage());
        // with 0.7.2 tiny parameters the example gets as far as its (deliberately invalid) header
        String withTiny = example.replaceAll("\"protocol_parameters\": \"[0-9a-f]+\"",
                "\"protocol_parameters\": \"" + Hex.plain(ProtocolParameters.encode(ChainParams.tiny())) + "\"");
        e = assertThrows(ChainSpecException.class, () -> ChainSpecJson.parse(withTiny, "jip4"));
        assertTrue(e.getMessage().startsWith("jip4: $.genesis_header: not a header of the tiny parameters"), e.getMessage());
    }

    @Test
    void errorsNameTheJsonPath() {
        String key = "0100000000000000000000000000000000000000000000000000000000000000".substring(0, 62);
        List<String[]> cases = List.of(
                new String[] {json.replace("\"id\": \"jamboree-dev-tiny\"", "\"id\": 7"), "x: $.id: must be a non-empty string"},
                new String[] {json.replace("\"bootnodes\": []", "\"bootnodes\": [\"alice@1.2.3.4:5\"]"), "x: $.bootnodes[0]: 'alice@1.2.3.4:5' is not <name>@<ip>:<port>"},
                new String[] {json.replace("\"bootnodes\": []", "\"bootnodes\": [\"eecgwpgwq3noky4ijm4jmvjtmuzv44qvigciusxakq5epnrfj2utb@127.0.0.1:70000\"]"), "x: $.bootnodes[0]: port 70000 is above 65535"},
                new String[] {json.replace("\"" + key + "\": \"", "\"" + key + "\": \"z"), "x: $.genesis_state." + key + ": not an even number of hex digits"},
                new String[] {json.replace("\"" + key + "\"", "\"01\""), "x: $.genesis_state.01: a state key is 31 octets, 62 hex digits"},
                new String[] {json.replace("\"genesis_header\": \"", "\"genesis_header\": \"00"), "x: $.genesis_header: not a header of the tiny parameters"},
                new String[] {json.replace("\"protocol_parameters\"", "\"protocol_parameter\""), "x: $.protocol_parameters: missing"},
                new String[] {"[1]", "x: $: the chain spec must be a JSON object"},
                new String[] {json.substring(0, 40), "x: invalid JSON at line 3"});
        for (String[] c : cases) {
            ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpecJson.parse(c[0], "x"), c[1]);
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage() + " <> " + c[1]);
        }
    }

    @Test
    void ipv6Bootnodes() {
        String name = "eecgwpgwq3noky4ijm4jmvjtmuzv44qvigciusxakq5epnrfj2utb";
        for (String ok : new String[] {name + "@[::1]:40000", name + "@::1:40000", name + "@[2001:db8::7]:1"}) {
            ChainSpecJson.checkBootnode("x", "$.bootnodes[0]", ok);
        }
        assertThrows(ChainSpecException.class, () -> ChainSpecJson.checkBootnode("x", "$", name + "@300.1.1.1:1"));
    }
}

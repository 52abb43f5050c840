package io.jamboree.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jamboree.types.WorkExecResult;
import org.junit.jupiter.api.Test;

/** Malformed JSON is reported as {@link JsonMappingException}; names resolve as documented. */
class JsonErrorsTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode j(String s) throws Exception {
        return M.readTree(s);
    }

    @Test
    void badShapes() throws Exception {
        assertThrows(JsonMappingException.class, () -> WorkJson.refineContext(j("{}")));
        assertThrows(JsonMappingException.class, () -> WorkJson.workExecResult(j("{\"weird\": null}")));
        assertThrows(JsonMappingException.class, () -> JsonSupport.hash(j("\"0x1234\"")));
        assertThrows(JsonMappingException.class, () -> JsonSupport.hash(j("\"0xzz\"")));
        assertThrows(JsonMappingException.class, () -> JsonSupport.u32(j("4294967296")));
        assertThrows(JsonMappingException.class, () -> JsonSupport.u64(j("-1")));
        assertThrows(JsonMappingException.class, () -> JsonSupport.u64(j("18446744073709551616")));
    }

    @Test
    void u64BeyondLongRange() throws Exception {
        assertEquals(-1L, JsonSupport.u64(j("18446744073709551615")));
        assertEquals("18446744073709551615", JsonSupport.num(-1L).asText());
    }

    @Test
    void workResultNames() throws Exception {
        assertEquals(WorkExecResult.PANIC, WorkJson.workExecResult(j("{\"panic\": null}")));
        assertEquals(WorkExecResult.OUT_OF_GAS, WorkJson.workExecResult(j("{\"out_of_gas\": null}")));
        assertEquals(WorkExecResult.CODE_OVERSIZE, WorkJson.workExecResult(j("{\"code_oversize\": null}")));
    }
}

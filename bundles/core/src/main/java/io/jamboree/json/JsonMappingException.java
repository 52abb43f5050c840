package io.jamboree.json;

/** JSON that does not match the vectors' shape for the requested type. */
public final class JsonMappingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonMappingException(String message) {
        super(message);
    }
}

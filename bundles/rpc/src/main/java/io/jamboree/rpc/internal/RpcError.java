package io.jamboree.rpc.internal;

/**
 * A JSON-RPC 2.0 error object (code, message), thrown by a method and sent back as the response's {@code error}.
 * Codes -32700..-32600 are the JSON-RPC 2.0 ones; -32000 and below are this server's.
 */
final class RpcError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** The node has no service for this method yet (e.g. work-package submission before availability exists). */
    static final int NOT_AVAILABLE = -32000;
    /** A submission was refused by the service that took it. */
    static final int REFUSED = -32001;

    private final int code;

    RpcError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static RpcError invalidParams(String message) {
        return new RpcError(INVALID_PARAMS, message);
    }
}

package io.jamboree.rpc.internal;

/** One client connection of the RPC server, to which notifications are sent. */
interface RpcSession {
    /**
     * Queues a text message for the client without waiting.
     *
     * @return false if the client is gone or too slow (its connection is then closed): it gets nothing more
     */
    boolean send(String text);

    /** Whether the connection is open. */
    boolean open();
}

package io.jamboree.rpc.internal;

/**
 * Told when the best or finalized head may have moved (a block imported, {@link ImportEvents}; a block finalized,
 * {@link FinalityEvents}), so the RPC subscriptions are notified at once: the only way they learn of it. An RPC server registers
 * with {@link RpcEvents}, where the events arrive.
 */
interface HeadEvents {
    void headsChanged();

    /** The node authored {@code block} ({@link AuthorEvents}); by default nothing. */
    default void authored(io.jamboree.author.AuthoredBlock block) {}
}

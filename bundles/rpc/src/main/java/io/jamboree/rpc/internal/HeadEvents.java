package io.jamboree.rpc.internal;

/**
 * Told when the best or finalized head may have moved (a block imported, {@link ImportEvents}; a block finalized,
 * {@link FinalityEvents}), so the RPC subscriptions are notified at once: the only way they learn of it. A service of
 * this bundle only.
 */
interface HeadEvents {
    void headsChanged();
}

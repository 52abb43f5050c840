package io.jamboree.rpc.internal;

/**
 * Told when the best or finalized head may have moved (a block authored, a block finalized), so the RPC
 * subscriptions are notified at once instead of at their next check. A service of this bundle only.
 */
interface HeadEvents {
    void headsChanged();
}

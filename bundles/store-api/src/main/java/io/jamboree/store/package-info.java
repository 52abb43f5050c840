/**
 * The node store: transactional tables of bytes behind a swappable service.
 *
 * <p>Use the {@link io.jamboree.store.ActiveStore} service: it delegates to the {@link io.jamboree.store.NodeStore}
 * chosen by configuration PID {@code io.jamboree.store} ({@code kind} = lmdb | memory, {@code path},
 * {@code mapSizeGiB}) and can switch kinds at run time ({@code jam:store switch KIND}) by copying all tables.
 * One block import = one {@link io.jamboree.store.WriteTxn}: everything it wrote becomes visible and durable
 * at {@link io.jamboree.store.WriteTxn#commit()}, or not at all. Keys are ordered as unsigned bytes, so
 * big-endian numbers and hash prefixes scan in order.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.jamboree.store;

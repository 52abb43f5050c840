package io.jamboree.accumulate.internal;

import io.jamboree.types.Blob;

/** A preimage provision (s, i) made by the provide host call (GP 0.7.2 Appendix B.7, Ω_Aries; §12.2 function I). */
record Provision(long service, Blob data) {}

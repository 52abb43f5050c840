/**
 * Private implementation of the {@code io.jamboree.pvm} engine API: a pre-decoding interpreter of the PVM
 * (GP 0.7.2 Appendix A), registered as the {@code PvmEngine} service with {@code pvm.engine=interpreter}.
 */
package io.jamboree.pvm.interpreter;

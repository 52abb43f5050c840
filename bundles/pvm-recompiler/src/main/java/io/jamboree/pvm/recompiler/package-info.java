/**
 * Private implementation of the {@code io.jamboree.pvm} engine API: a recompiler translating PVM basic blocks
 * (GP 0.7.2 Appendix A.3) into JVM bytecode loaded as hidden classes, registered as the {@code PvmEngine}
 * service with {@code pvm.engine=recompiler}.
 */
package io.jamboree.pvm.recompiler;

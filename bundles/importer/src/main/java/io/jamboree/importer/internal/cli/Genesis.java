package io.jamboree.importer.internal.cli;

import io.jamboree.types.Header;

/** The start of a trace (trace schema {@code Genesis}, file {@code genesis.bin}): a header and its state. */
record Genesis(Header header, RawState state) {}

package io.jamboree.sync.internal;

import io.jamboree.network.ProtocolViolationException;
import io.jamboree.network.Stream;
import io.jamboree.sync.internal.protocol.SyncMessages;
import io.jamboree.sync.internal.protocol.TicketDistribution;

/** The acceptor's side of CE 131 and CE 132: {@code --> Epoch Index ++ Ticket, --> FIN, <-- FIN}. */
final class TicketHandlers {
    private TicketHandlers() {}

    static void serve(Stream stream, TicketRelay relay) throws Exception {
        byte[] m = stream.read();
        if (m == null) {
            throw new ProtocolViolationException(stream.kind() + ": FIN without a ticket");
        }
        TicketDistribution d;
        try {
            d = SyncMessages.decodeTicket(m);
        } catch (RuntimeException e) {
            throw new ProtocolViolationException(stream.kind() + ": undecodable ticket: " + e.getMessage(), e);
        }
        stream.readFin();
        relay.received(stream.kind(), stream.peer(), d);
        stream.finish();
    }
}

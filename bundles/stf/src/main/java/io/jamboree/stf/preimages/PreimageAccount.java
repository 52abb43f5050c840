package io.jamboree.stf.preimages;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.types.Blob;
import io.jamboree.types.Hash;
import java.util.List;

/**
 * The parts of a service account that preimage integration touches (GP §9.2; vectors' ServiceAccount): the
 * preimage dictionary {@code a_p} (by hash) and the request dictionary {@code a_l} keyed by (hash, length)
 * with up to three timeslots, both kept as entries in key order.
 * TODO(jam-core): move (io.jamboree.types, as part of the service account type).
 */
public record PreimageAccount(long id, List<BlobEntry> preimages, List<Request> requests) {

    public PreimageAccount {
        preimages = List.copyOf(preimages);
        requests = List.copyOf(requests);
    }

    /** An entry of {@code a_p}. */
    public record BlobEntry(Hash hash, Blob blob) {
        public static BlobEntry decode(Decoder d) {
            return new BlobEntry(Hash.decode(d), Blob.decode(d));
        }

        public void encode(Encoder e) {
            hash.encode(e);
            blob.encode(e);
        }
    }

    /** An entry of {@code a_l}: key (hash, length) and the timeslots. */
    public record Request(Hash hash, long length, List<Long> slots) {
        public Request {
            slots = List.copyOf(slots);
        }

        public static Request decode(Decoder d) {
            return new Request(Hash.decode(d), d.u32(), d.varSeq(4, 3, "request slots", Decoder::u32));
        }

        public void encode(Encoder e) {
            hash.encode(e);
            e.u32(length);
            e.varSeq(slots, Encoder::u32);
        }
    }

    public static PreimageAccount decode(Decoder d) {
        return new PreimageAccount(d.u32(), d.varSeq(33, "preimage blobs", BlobEntry::decode),
                d.varSeq(37, "preimage requests", Request::decode));
    }

    public void encode(Encoder e) {
        e.u32(id);
        e.varSeq(preimages, (x, b) -> b.encode(x));
        e.varSeq(requests, (x, q) -> q.encode(x));
    }
}

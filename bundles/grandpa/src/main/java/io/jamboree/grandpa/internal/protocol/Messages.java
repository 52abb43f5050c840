package io.jamboree.grandpa.internal.protocol;

import io.jamboree.grandpa.internal.core.Commit;
import io.jamboree.grandpa.internal.core.Justification;
import io.jamboree.grandpa.internal.core.SignedMessage;
import io.jamboree.grandpa.internal.core.Vote;
import io.jamboree.types.Hash;
import io.jamboree.types.Header;
import java.util.List;
import java.util.Objects;

/**
 * The contents of the GRANDPA streams of the draft JAMNP-S (spec/grandpa.md §5.2; PR #6): one record per message.
 */
public final class Messages {
    private Messages() {}

    /** CE 149 {@code Round Number ++ Set Id ++ Signed Message} (177 octets). */
    public record VoteMessage(long round, long setId, SignedMessage message) {
        public static final int SIZE = 8 + 4 + SignedMessage.SIZE;

        public VoteMessage {
            Objects.requireNonNull(message);
        }
    }

    /** CE 150 {@code Round Number ++ Set Id ++ Commit}. */
    public record CommitMessage(long round, long setId, Commit commit) {
        public CommitMessage {
            Objects.requireNonNull(commit);
        }
    }

    /**
     * CE 151 {@code Round Number ++ Set Id ++ Slot} (16 octets): the round the sender plays; the slot is the slot of
     * the sender's latest finalized block (the draft leaves it undefined; spec/grandpa.md §9 reads it like Polkadot's
     * neighbor packet {@code commit_finalized_height}, and so do we).
     */
    public record StateMessage(long round, long setId, long finalizedSlot) {
        public static final int SIZE = 16;
    }

    /** CE 152 request {@code Round Number ++ Set Id} (12 octets): the requester's round. */
    public record CatchUpRequest(long round, long setId) {
        public static final int SIZE = 12;
    }

    /**
     * CE 152 response {@code Catchup = Round Number ++ len++[Signed Prevote] ++ len++[Signed Precommit] ++ Base Hash
     * ++ Base Number}: the votes of the responder's last completed round and a block they all descend from.
     */
    public record CatchUp(long round, List<SignedMessage> prevotes, List<SignedMessage> precommits, Vote base) {
        public CatchUp {
            prevotes = List.copyOf(prevotes);
            precommits = List.copyOf(precommits);
            Objects.requireNonNull(base);
        }
    }

    /** CE 130 request: the header hash of the block whose justification is wanted. */
    public record JustificationRequest(Hash block) {
        public JustificationRequest {
            Objects.requireNonNull(block);
        }
    }

    /** CE 153 request {@code Set Id} (4 octets): the first set whose fragment is wanted. */
    public record WarpSyncRequest(long setId) {
        public static final int SIZE = 4;
    }

    /** CE 153 {@code Warp Sync Fragment = Header ++ Grandpa Justification}: set {@code j.setId} finalized the header. */
    public record WarpSyncFragment(Header header, Justification justification) {
        public WarpSyncFragment {
            Objects.requireNonNull(header);
            Objects.requireNonNull(justification);
        }
    }
}

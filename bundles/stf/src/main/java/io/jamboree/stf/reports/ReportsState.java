package io.jamboree.stf.reports;

import io.jamboree.codec.Decoder;
import io.jamboree.codec.Encoder;
import io.jamboree.core.ChainParams;
import io.jamboree.stf.state.ServiceAccounts;
import io.jamboree.types.AuthPools;
import io.jamboree.types.AvailabilityAssignments;
import io.jamboree.types.CoreActivityRecord;
import io.jamboree.types.Ed25519Public;
import io.jamboree.types.EntropyBuffer;
import io.jamboree.types.RecentBlocks;
import io.jamboree.types.ReportGuarantee;
import io.jamboree.types.ServiceInfo;
import io.jamboree.types.ServiceStatisticsEntry;
import io.jamboree.types.ValidatorKeys;
import io.jamboree.types.WorkDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The state subset the reports transition reads and writes (GP §11.4–11.5; vectors' {@code reports.asn}):
 * {@code ρ‡}, {@code κ'}, {@code λ'}, {@code η'}, {@code ψ'_O}, {@code β}, {@code α}, the relevant service
 * accounts and {@code π_C}, {@code π_S}.
 */
public record ReportsState(
        AvailabilityAssignments availAssignments,
        ValidatorKeys currValidators,
        ValidatorKeys prevValidators,
        EntropyBuffer entropy,
        List<Ed25519Public> offenders,
        RecentBlocks recentBlocks,
        AuthPools authPools,
        List<Account> accounts,
        List<CoreActivityRecord> coresStatistics,
        List<ServiceStatisticsEntry> servicesStatistics) {

    public ReportsState {
        offenders = List.copyOf(offenders);
        accounts = List.copyOf(accounts);
        coresStatistics = List.copyOf(coresStatistics);
        servicesStatistics = List.copyOf(servicesStatistics);
    }

    /** A service account as far as reports need it: its id and {@link ServiceInfo} (vectors' AccountsMapEntry). */
    public record Account(long id, ServiceInfo info) {
        public static Account decode(Decoder d, ChainParams p) {
            return new Account(d.u32(), ServiceInfo.decode(d, p));
        }

        public void encode(Encoder e, ChainParams p) {
            e.u32(id);
            info.encode(e, p);
        }

        /**
         * The accounts the reports transition reads for {@code guarantees} (GP §11.4.1: each digest's code hash must
         * be its service's in δ, and its gas at least the service's minimum): each service that a result of a
         * guaranteed report names and that exists in {@code accounts} (δ), once, in the order first named. Υ and the
         * block author both take them so.
         */
        public static List<Account> of(List<ReportGuarantee> guarantees, ServiceAccounts accounts) {
            List<Account> out = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (ReportGuarantee g : guarantees) {
                for (WorkDigest d : g.report().results()) {
                    if (seen.add(d.serviceId())) {
                        accounts.info(d.serviceId()).ifPresent(i -> out.add(new Account(d.serviceId(), i)));
                    }
                }
            }
            return out;
        }
    }

    /** Field names in encoding order, for difference reports. */
    public static final List<String> FIELDS = List.of("avail_assignments", "curr_validators", "prev_validators",
            "entropy", "offenders", "recent_blocks", "auth_pools", "accounts", "cores_statistics",
            "services_statistics");

    public static ReportsState decode(Decoder d, ChainParams p) {
        return new ReportsState(
                AvailabilityAssignments.decode(d, p),
                ValidatorKeys.decode(d, p),
                ValidatorKeys.decode(d, p),
                EntropyBuffer.decode(d, p),
                d.varSeq(32, "offenders", Ed25519Public::decode),
                RecentBlocks.decode(d, p),
                AuthPools.decode(d, p),
                d.varSeq(4, "accounts", x -> Account.decode(x, p)),
                d.fixedSeq(p.coresCount(), x -> CoreActivityRecord.decode(x, p)),
                d.varSeq(5, "services statistics", x -> ServiceStatisticsEntry.decode(x, p)));
    }

    /** The encoding of field {@code i} of {@link #FIELDS}. */
    public byte[] encodeField(int i, ChainParams p) {
        Encoder e = new Encoder();
        switch (i) {
            case 0 -> availAssignments.encode(e, p);
            case 1 -> currValidators.encode(e, p);
            case 2 -> prevValidators.encode(e, p);
            case 3 -> entropy.encode(e, p);
            case 4 -> e.varSeq(offenders, (x, k) -> k.encode(x));
            case 5 -> recentBlocks.encode(e, p);
            case 6 -> authPools.encode(e, p);
            case 7 -> e.varSeq(accounts, (x, a) -> a.encode(x, p));
            case 8 -> e.fixedSeq(coresStatistics, (x, c) -> c.encode(x, p));
            case 9 -> e.varSeq(servicesStatistics, (x, s) -> s.encode(x, p));
            default -> throw new IllegalArgumentException("field " + i);
        }
        return e.toByteArray();
    }
}

package io.jamboree.sample.liar;

import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.guarantor.ComputedWorkReport;
import io.jamboree.guarantor.WorkReportComputation;
import io.jamboree.types.WorkPackage;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work-report computation Ξ (GP 0.7.2 §14.4) that lies: registered with {@code service.ranking} 100, above the
 * node's own, so the guarantor (and everything else that asks for the best {@link WorkReportComputation}) gets this
 * one. It asks the node's real computation (the one without the {@value #LIAR} property) and falsifies the refine
 * output of the work items of one service ({@link Lie}); the bundle and exports stay true, so auditors that
 * re-execute the package find the report wrong.
 *
 * <p>Configuration PID {@value #PID} (optional): {@code service}, the service id to lie about (default: every
 * service).
 */
@Component(service = WorkReportComputation.class, configurationPid = LyingGuarantor.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"service.ranking:Integer=100", LyingGuarantor.LIAR + ":Boolean=true"})
public final class LyingGuarantor implements WorkReportComputation {
    /** The configuration PID. */
    public static final String PID = "io.jamboree.sample.liar";
    /** The service property that marks this computation (the real one is found by its absence). */
    public static final String LIAR = "jamboree.liar";
    private static final Logger LOG = LoggerFactory.getLogger(LyingGuarantor.class);

    private final WorkReportComputation honest;
    private final long service;

    @Activate
    public LyingGuarantor(@Reference(target = "(!(" + LIAR + "=true))") WorkReportComputation honest,
            Map<String, Object> config) {
        this.honest = honest;
        Object s = config.get("service");
        this.service = s == null || s.toString().isBlank() ? Lie.ANY_SERVICE : Long.parseLong(s.toString().trim());
        LOG.warn("liar: this node's guarantor now reports wrong refine results for {}",
                service == Lie.ANY_SERVICE ? "every service" : "service " + service);
    }

    @Override
    public ComputedWorkReport compute(ChainParams params, ServiceState services, WorkPackage pkg,
            List<List<byte[]>> extrinsics, int core) {
        ComputedWorkReport truth = honest.compute(params, services, pkg, extrinsics, core);
        ComputedWorkReport lie = Lie.about(truth, service);
        if (lie != truth) {
            LOG.warn("liar: falsified the refine result of a report on core {}", core);
        }
        return lie;
    }
}

package io.jamboree.conformance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jamboree.runtime.spi.JamCommand;
import io.jamboree.vectors.VectorRunner;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** The {@code core} feature resolves and starts inside Felix, and registers its services. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformTest {
    @Inject
    BundleContext context;

    @Inject
    VectorRunner runner;

    @Configuration
    public Option[] config() {
        return CoreFeatureConfig.options();
    }

    @Test
    public void everyBundleIsActive() {
        List<String> inactive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && b.getState() != Bundle.ACTIVE) {
                inactive.add(b.getSymbolicName());
            }
        }
        assertEquals("bundles not ACTIVE", List.of(), inactive);
    }

    @Test
    public void testVectorsCommandIsRegistered() throws Exception {
        assertTrue(context.getServiceReferences(JamCommand.class, "(" + JamCommand.NAME + "=test-vectors)").size() == 1);
    }
}

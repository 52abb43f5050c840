package io.jamboree.conformance;

import io.jamboree.vectors.VectorRunner;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The public vectors, run inside Felix by the {@link VectorRunner} service of the core feature. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VectorsTest {
    private static final String JAM = "jam-test-vectors-0.7.2/";

    @Inject
    VectorRunner runner;

    @Configuration
    public Option[] config() {
        return CoreFeatureConfig.options();
    }

    @Test
    public void codecTiny() throws Exception {
        Conformance.check(runner, JAM + "codec/tiny");
    }

    @Test
    public void codecFull() throws Exception {
        Conformance.check(runner, JAM + "codec/full");
    }

    @Test
    public void pvmPrograms() throws Exception {
        Conformance.check(runner, "pvm-test-vectors-0.4/pvm/programs");
    }

    @Test
    public void ed25519Zip215() throws Exception {
        Conformance.check(runner, "ed25519-zip215");
    }

    @Test
    public void bandersnatchVrf() throws Exception {
        Conformance.check(runner, "bandersnatch-vrf-0.1/assets/vectors");
    }

    @Test
    public void stfSafrole() throws Exception {
        Conformance.check(runner, JAM + "stf/safrole/tiny");
        Conformance.check(runner, JAM + "stf/safrole/full");
    }

    @Test
    public void stfDisputes() throws Exception {
        Conformance.check(runner, JAM + "stf/disputes/tiny");
        Conformance.check(runner, JAM + "stf/disputes/full");
    }

    @Test
    public void stfHistory() throws Exception {
        Conformance.check(runner, JAM + "stf/history/tiny");
        Conformance.check(runner, JAM + "stf/history/full");
    }

    @Test
    public void stfAuthorizations() throws Exception {
        Conformance.check(runner, JAM + "stf/authorizations/tiny");
        Conformance.check(runner, JAM + "stf/authorizations/full");
    }

    @Test
    public void stfReports() throws Exception {
        Conformance.check(runner, JAM + "stf/reports/tiny");
        Conformance.check(runner, JAM + "stf/reports/full");
    }

    @Test
    public void stfAssurances() throws Exception {
        Conformance.check(runner, JAM + "stf/assurances/tiny");
        Conformance.check(runner, JAM + "stf/assurances/full");
    }

    @Test
    public void stfPreimages() throws Exception {
        Conformance.check(runner, JAM + "stf/preimages/tiny");
        Conformance.check(runner, JAM + "stf/preimages/full");
    }

    @Test
    public void stfStatistics() throws Exception {
        Conformance.check(runner, JAM + "stf/statistics/tiny");
        Conformance.check(runner, JAM + "stf/statistics/full");
    }

    @Test
    public void stfAccumulateTiny() throws Exception {
        Conformance.check(runner, JAM + "stf/accumulate/tiny");
    }

    @Test
    public void stfAccumulateFull() throws Exception {
        Conformance.check(runner, JAM + "stf/accumulate/full");
    }

    @Test
    public void trie() throws Exception {
        Conformance.check(runner, JAM + "trie");
    }

    @Test
    public void erasure() throws Exception {
        Conformance.check(runner, JAM + "erasure/tiny");
        Conformance.check(runner, JAM + "erasure/full");
    }

    @Test
    public void shuffle() throws Exception {
        Conformance.check(runner, JAM + "shuffle");
    }
}

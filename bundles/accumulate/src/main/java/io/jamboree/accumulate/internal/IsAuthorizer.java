package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.accumulate.IsAuthorizationResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.WorkPackage;
import java.util.Objects;

/** {@link IsAuthorization} over one PVM engine (GP 0.7.2 Appendix B.2). */
public final class IsAuthorizer implements IsAuthorization {
    private final PvmEngine engine;

    public IsAuthorizer(PvmEngine engine) {
        this.engine = Objects.requireNonNull(engine);
    }

    @Override
    public IsAuthorizationResult authorize(ChainParams params, ServiceState services, WorkPackage pkg, int core) {
        return authorize(params, IsAuthorizedInvocation.authCode(services, pkg), pkg, core);
    }

    @Override
    public IsAuthorizationResult authorize(ChainParams params, byte[] authCode, WorkPackage pkg, int core) {
        return IsAuthorizedInvocation.invoke(engine, params, authCode, pkg, core);
    }
}

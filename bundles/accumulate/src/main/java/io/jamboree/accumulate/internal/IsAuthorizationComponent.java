package io.jamboree.accumulate.internal;

import io.jamboree.accumulate.IsAuthorization;
import io.jamboree.accumulate.IsAuthorizationResult;
import io.jamboree.accumulate.ServiceState;
import io.jamboree.core.ChainParams;
import io.jamboree.pvm.PvmEngine;
import io.jamboree.types.WorkPackage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link IsAuthorization} service (GP 0.7.2 Appendix B.2) on the node's active PVM engine. */
@Component(service = IsAuthorization.class)
public final class IsAuthorizationComponent implements IsAuthorization {
    private final IsAuthorizer authorizer;

    @Activate
    public IsAuthorizationComponent(@Reference(target = "(pvm.engine=active)") PvmEngine engine) {
        this.authorizer = new IsAuthorizer(engine);
    }

    @Override
    public IsAuthorizationResult authorize(ChainParams params, ServiceState services, WorkPackage pkg, int core) {
        return authorizer.authorize(params, services, pkg, core);
    }

    @Override
    public IsAuthorizationResult authorize(ChainParams params, byte[] authCode, WorkPackage pkg, int core) {
        return authorizer.authorize(params, authCode, pkg, core);
    }
}

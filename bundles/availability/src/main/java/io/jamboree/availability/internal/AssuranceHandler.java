package io.jamboree.availability.internal;

import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** JAMNP-S CE 141, assurance distribution: the receiving side, served by the {@link Assurer}. */
@Component(service = StreamHandler.class, property = StreamHandler.KIND + ":Integer=141")
public final class AssuranceHandler implements StreamHandler {
    private final Assurer assurer;

    @Activate
    public AssuranceHandler(@Reference Assurer assurer) {
        this.assurer = assurer;
    }

    @Override
    public void handle(Stream stream) throws Exception {
        assurer.receive(stream);
    }
}

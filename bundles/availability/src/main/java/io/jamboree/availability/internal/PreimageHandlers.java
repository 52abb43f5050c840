package io.jamboree.availability.internal;

import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The stream handlers of preimage distribution, served by {@link Preimages}. */
final class PreimageHandlers {
    private PreimageHandlers() {}

    /** JAMNP-S CE 142: preimage announcement. */
    @Component(service = StreamHandler.class, property = StreamHandler.KIND + ":Integer=142")
    public static final class Ce142 implements StreamHandler {
        private final Preimages preimages;

        @Activate
        public Ce142(@Reference Preimages preimages) {
            this.preimages = preimages;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            preimages.announced(stream);
        }
    }

    /** JAMNP-S CE 143: preimage request. */
    @Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=143",
            StreamHandler.MAX_MESSAGE + ":Integer=" + ShardStreamHandlers.MAX})
    public static final class Ce143 implements StreamHandler {
        private final Preimages preimages;

        @Activate
        public Ce143(@Reference Preimages preimages) {
            this.preimages = preimages;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            preimages.serve(stream);
        }
    }
}

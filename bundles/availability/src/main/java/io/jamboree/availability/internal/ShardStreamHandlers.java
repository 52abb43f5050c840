package io.jamboree.availability.internal;

import io.jamboree.network.Stream;
import io.jamboree.network.StreamHandler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The stream handlers of the availability protocols, each a whiteboard {@link StreamHandler} of its kind. */
final class ShardStreamHandlers {
    /** The largest message of the kinds carrying bundles or many segments: 16 MiB (W_B is 13,791,360 octets). */
    static final int MAX = 16 << 20;

    private ShardStreamHandlers() {}

    /** JAMNP-S CE 137: shard distribution (guarantor to assurer). */
    @Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=137", StreamHandler.MAX_MESSAGE + ":Integer=" + ShardStreamHandlers.MAX})
    public static final class Ce137 implements StreamHandler {
        private final AvailabilityComponent a;

        @Activate
        public Ce137(@Reference AvailabilityComponent a) {
            this.a = a;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            a.service().serveShard(stream);
        }
    }

    /** JAMNP-S CE 138: audit shard request (auditor to assurer). */
    @Component(service = StreamHandler.class, property = StreamHandler.KIND + ":Integer=138")
    public static final class Ce138 implements StreamHandler {
        private final AvailabilityComponent a;

        @Activate
        public Ce138(@Reference AvailabilityComponent a) {
            this.a = a;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            a.service().serveAuditShard(stream);
        }
    }

    /** JAMNP-S CE 139: segment shard request without justifications. */
    @Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=139", StreamHandler.MAX_MESSAGE + ":Integer=" + ShardStreamHandlers.MAX})
    public static final class Ce139 implements StreamHandler {
        private final AvailabilityComponent a;

        @Activate
        public Ce139(@Reference AvailabilityComponent a) {
            this.a = a;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            a.service().serveSegmentShards(stream, false);
        }
    }

    /** JAMNP-S CE 140: segment shard request with justifications. */
    @Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=140", StreamHandler.MAX_MESSAGE + ":Integer=" + ShardStreamHandlers.MAX})
    public static final class Ce140 implements StreamHandler {
        private final AvailabilityComponent a;

        @Activate
        public Ce140(@Reference AvailabilityComponent a) {
            this.a = a;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            a.service().serveSegmentShards(stream, true);
        }
    }

    /** JAMNP-S CE 147: bundle request (auditor to guarantor). */
    @Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=147", StreamHandler.MAX_MESSAGE + ":Integer=" + ShardStreamHandlers.MAX})
    public static final class Ce147 implements StreamHandler {
        private final AvailabilityComponent a;

        @Activate
        public Ce147(@Reference AvailabilityComponent a) {
            this.a = a;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            a.service().serveBundle(stream);
        }
    }

    /** JAMNP-S CE 148: segment request (guarantor to guarantor). */
    @Component(service = StreamHandler.class, property = {StreamHandler.KIND + ":Integer=148", StreamHandler.MAX_MESSAGE + ":Integer=" + ShardStreamHandlers.MAX})
    public static final class Ce148 implements StreamHandler {
        private final AvailabilityComponent a;

        @Activate
        public Ce148(@Reference AvailabilityComponent a) {
            this.a = a;
        }

        @Override
        public void handle(Stream stream) throws Exception {
            a.service().serveSegments(stream);
        }
    }
}

package io.jamboree.vectors.internal;

import io.jamboree.vectors.VectorFamily;
import io.jamboree.vectors.VectorReport;
import io.jamboree.vectors.VectorRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The {@link VectorRunner} service: dispatches each folder to the family that recognises it. */
@Component(service = VectorRunner.class)
public final class VectorRunnerService implements VectorRunner {
    private final List<VectorFamily> families = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFamily(VectorFamily family) {
        families.add(family);
    }

    void removeFamily(VectorFamily family) {
        families.remove(family);
    }

    @Override
    public VectorReport run(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder: " + dir);
        }
        for (VectorFamily f : families) {
            if (f.recognises(dir)) {
                return f.run(dir);
            }
        }
        throw new IllegalArgumentException("no vector family recognises " + dir + " (known families: " + families() + ")");
    }

    @Override
    public List<String> families() {
        List<String> names = new ArrayList<>();
        for (VectorFamily f : families) {
            names.add(f.name());
        }
        return names;
    }
}

package dev.strata.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's files are, for tests that use the committed samples. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String configured = System.getProperty("strata.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("data-samples"))) {
            throw new IllegalStateException("cannot find the repository root (data-samples/) from " + root);
        }
        return root;
    }

    static Path serviceRequestSample() {
        return root().resolve("data-samples/service_requests");
    }
}

package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a spec by what the user typed: a bundled name, a local YAML file, or a URI such as s3a://. */
final class SpecReference {

    private SpecReference() {
    }

    /** The spec with the command line's --var values (and its own defaults) bound into its paths. */
    static PipelineSpec load(String reference, Lake lake, java.util.Map<String, String> variables) {
        try {
            return load(reference, lake).withVariables(variables);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static PipelineSpec load(String reference, Lake lake) {
        if (reference == null || reference.isBlank()) {
            throw new UserError("--spec is required: a bundled name (service_requests), a YAML file or an s3a:// URI");
        }
        SpecLoader loader = new SpecLoader();
        if (reference.contains("://")) {
            if (!lake.exists(reference)) {
                throw new UserError("spec " + reference + " does not exist");
            }
            return loader.load(lake.readText(reference), reference);
        }
        Path file = Path.of(reference);
        if (Files.isRegularFile(file)) {
            return loader.loadFile(file);
        }
        if (reference.endsWith(".yaml") || reference.endsWith(".yml") || reference.contains("/")) {
            throw new UserError("spec file " + reference + " does not exist");
        }
        if (SpecReference.class.getClassLoader().getResource("pipelines/" + reference + ".yaml") == null) {
            throw new UserError("no bundled spec named '" + reference + "' (bundled: service_requests, mimic_omop,"
                    + " cdp, telemetry); give a YAML file path instead");
        }
        return loader.loadResource(reference);
    }
}

package dev.strata.etl.cli;

import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import dev.strata.etl.spec.PipelineSpec;
import dev.strata.etl.spec.SpecLoader;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds a spec by what the user typed: a bundled name, a local YAML file, or a URI such as s3a://. */
final class SpecReference {

    private SpecReference() {
    }

    /** The names of the specs bundled with Strata ({@code pipelines/<name>.yaml} on the class path), sorted. */
    static List<String> bundled() {
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> folders = SpecReference.class.getClassLoader().getResources("pipelines/");
            while (folders.hasMoreElements()) {
                URL folder = folders.nextElement();
                if (folder.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(f -> add(names, f));
                    }
                } else if (folder.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        file.stream().map(JarEntry::getName).filter(n -> n.startsWith("pipelines/"))
                                .map(n -> n.substring("pipelines/".length())).filter(n -> !n.contains("/"))
                                .forEach(n -> add(names, n));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the bundled specs: " + e.getMessage(), e);
        }
        return List.copyOf(names);
    }

    private static void add(Set<String> names, String file) {
        if (file.endsWith(".yaml")) {
            names.add(file.substring(0, file.length() - ".yaml".length()));
        }
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
            throw new UserError("no bundled spec named '" + reference + "' (bundled: " + String.join(", ", bundled())
                    + "); give a YAML file path instead");
        }
        return loader.loadResource(reference);
    }
}

package dev.strata.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, for the tests that open a page as a browser would: it dumps the DOM after the
 * page's scripts ran, or saves a screenshot. When it is not installed, it is installed with
 * {@code apt-get install -y chromium} (the CI runs as root on Debian; {@code .ci/run} installs it ahead, so the
 * download is not a test's time); when that cannot be done, the test fails saying so.
 */
final class HeadlessChromium {

    /** How long the page's scripts may run (virtual time: the page sees this much, the test waits less). */
    private static final int VIRTUAL_TIME_MILLIS = 20_000;

    private final Path binary;
    private final Path profile;

    private HeadlessChromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** Chromium from /usr/bin or the PATH, installed first when missing; {@code scratch} holds its profile. */
    static HeadlessChromium find(Path scratch) {
        Path binary = installed().orElseGet(HeadlessChromium::install);
        try {
            return new HeadlessChromium(binary, Files.createDirectories(scratch.resolve("chromium-profile")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> installed() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static Path install() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new IllegalStateException("headless Chromium is needed to render the dashboard and is not installed,"
                    + " and there is no apt-get here to install it: install Chromium (Debian's chromium package)");
        }
        String output = run(List.of("apt-get", "update", "-qq"), 10) + run(List.of("apt-get", "install", "-y", "-qq", "chromium"),
                20);
        return installed().orElseThrow(() -> new IllegalStateException("apt-get install -y chromium ended, but"
                + " /usr/bin/chromium is still missing:\n" + output));
    }

    private static String run(List<String> command, int minutes) {
        try {
            Path log = Files.createTempFile("strata-apt", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
                Process process = builder.start();
                boolean ended = process.waitFor(minutes, TimeUnit.MINUTES);
                if (!ended) {
                    process.destroyForcibly();
                }
                String output = Files.readString(log);
                if (!ended || process.exitValue() != 0) {
                    throw new IllegalStateException("headless Chromium is needed to render the dashboard and is not"
                            + " installed; " + String.join(" ", command) + (ended ? " failed with exit code "
                            + process.exitValue() : " did not end in " + minutes + " minutes") + " (installing needs"
                            + " root and Debian's package sources; or install the chromium package first):\n"
                            + tail(output));
                }
                return output;
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("headless Chromium is needed to render the dashboard and is not installed;"
                    + " " + String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** The page's DOM once its scripts have run (for up to the virtual time budget). */
    String dumpDom(Path page) {
        return browse(page, List.of("--dump-dom"));
    }

    /** A PNG of the page as a window of this size shows it. */
    void screenshot(Path page, Path png, int width, int height) {
        browse(page, List.of("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
    }

    private String browse(Path page, List<String> what) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile,
                "--virtual-time-budget=" + VIRTUAL_TIME_MILLIS));
        command.addAll(what);
        command.add(page.toUri().toString());
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("strata-chromium", ".out");
            err = Files.createTempFile("strata-chromium", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("Chromium did not end within 3 minutes: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Chromium failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", command) + "\n" + tail(Files.readString(err, StandardCharsets.UTF_8)));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            for (Path file : Stream.of(out, err).filter(java.util.Objects::nonNull).toList()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    @Override
    public String toString() {
        return binary.toString();
    }
}

package dev.strata.etl.raw;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.etl.ServiceFailure;
import dev.strata.etl.UserError;
import dev.strata.etl.lake.Lake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The raw zone: files copied as they arrived, one folder per batch
 * ({@code raw/<source>/ingest_date=YYYY-MM-DD/batch_id=<id>/}), with a manifest of names, sizes and
 * SHA-256 checksums. Content already ingested (same checksum) is never copied again, and nothing here
 * is ever rewritten or deleted.
 */
public final class RawZone {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter BATCH_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Lake lake;
    private final Clock clock;

    public RawZone(Lake lake, Clock clock) {
        this.lake = Objects.requireNonNull(lake, "lake is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** Every complete batch of a source, oldest first. */
    public List<BatchManifest> batches(String source) {
        String base = lake.raw(source);
        FileSystem fs = lake.fileSystem(base);
        try {
            FileStatus[] found = fs.globStatus(new Path(base + "/ingest_date=*/batch_id=*/" + BatchManifest.FILE_NAME));
            List<BatchManifest> result = new ArrayList<>();
            if (found != null) {
                for (FileStatus status : found) {
                    result.add(JSON.readValue(lake.readText(status.getPath().toString()), BatchManifest.class));
                }
            }
            result.sort(Comparator.comparing(BatchManifest::batchId));
            return result;
        } catch (IOException e) {
            throw new ServiceFailure("cannot list the raw batches of " + source + ": " + e.getMessage(), e);
        }
    }

    /** Copies the files at {@code sourcePath} (file, folder or glob) that are not yet in the raw zone. */
    public IngestResult ingest(String source, String sourcePath) {
        return ingest(source, sourcePath, Optional.empty());
    }

    /**
     * Copies the files at {@code sourcePath} that are not yet in the raw zone; with {@code names}, only
     * the files of a folder whose names match that glob, ignoring case ({@code PATIENTS.csv*}).
     */
    public IngestResult ingest(String source, String sourcePath, Optional<String> names) {
        List<FileStatus> files = sourceFiles(sourcePath, names);
        if (files.isEmpty()) {
            throw new UserError("source path " + sourcePath + names.map(n -> " holds no file named " + n)
                    .orElse(" holds no data files"));
        }
        Set<String> known = new HashSet<>();
        for (BatchManifest batch : batches(source)) {
            batch.files().forEach(f -> known.add(f.sha256()));
        }
        List<FileStatus> fresh = new ArrayList<>();
        List<String> checksums = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileStatus file : files) {
            String sha = sha256(file.getPath());
            if (known.add(sha)) {
                fresh.add(file);
                checksums.add(sha);
            } else {
                skipped.add(file.getPath().toString());
            }
        }
        if (fresh.isEmpty()) {
            return new IngestResult(source, java.util.Optional.empty(), skipped);
        }
        Instant now = clock.instant();
        String batchId = BATCH_TIME.format(now) + "-" + sha256Hex(String.join(",", checksums)).substring(0, 8);
        String ingestDate = now.atZone(ZoneOffset.UTC).toLocalDate().toString();
        String location = lake.raw(source) + "/ingest_date=" + ingestDate + "/batch_id=" + batchId;
        List<IngestedFile> copied = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            FileStatus file = fresh.get(i);
            String copiedSha = copy(file.getPath(), new Path(location + "/" + file.getPath().getName()));
            if (!copiedSha.equals(checksums.get(i))) {
                throw new ServiceFailure("file " + file.getPath() + " changed while it was being ingested", null);
            }
            copied.add(new IngestedFile(file.getPath().getName(), file.getPath().toString(), file.getLen(),
                    checksums.get(i)));
        }
        BatchManifest manifest = new BatchManifest(source, batchId, ingestDate, now.toString(), location, copied);
        try {
            lake.writeText(location + "/" + BatchManifest.FILE_NAME, JSON.writeValueAsString(manifest));
        } catch (IOException e) {
            throw new ServiceFailure("cannot write the manifest of batch " + batchId + ": " + e.getMessage(), e);
        }
        return new IngestResult(source, java.util.Optional.of(manifest), skipped);
    }

    /** Whether {@code sourcePath} holds a file to ingest (matching {@code names}, if given). */
    public boolean hasFiles(String sourcePath, Optional<String> names) {
        try {
            FileStatus[] matched = lake.fileSystem(sourcePath).globStatus(new Path(sourcePath));
            return matched != null && matched.length > 0 && !sourceFiles(sourcePath, names).isEmpty();
        } catch (IOException e) {
            throw new ServiceFailure("cannot list " + sourcePath + ": " + e.getMessage(), e);
        }
    }

    private List<FileStatus> sourceFiles(String sourcePath, Optional<String> names) {
        Path path = new Path(sourcePath);
        FileSystem fs = lake.fileSystem(sourcePath);
        Optional<Pattern> namePattern = names.map(RawZone::globPattern);
        try {
            FileStatus[] matched = fs.globStatus(path);
            if (matched == null || matched.length == 0) {
                throw new UserError("source path " + sourcePath + " does not exist (give another with --input NAME=PATH)");
            }
            List<FileStatus> result = new ArrayList<>();
            for (FileStatus status : matched) {
                if (status.isDirectory()) {
                    for (FileStatus child : fs.listStatus(status.getPath())) {
                        String name = child.getPath().getName();
                        if (child.isFile() && isDataFile(name)
                                && namePattern.map(p -> p.matcher(name).matches()).orElse(true)) {
                            result.add(child);
                        }
                    }
                } else {
                    result.add(status);
                }
            }
            result.sort(Comparator.comparing(s -> s.getPath().getName()));
            return result;
        } catch (IOException e) {
            throw new ServiceFailure("cannot list " + sourcePath + ": " + e.getMessage(), e);
        }
    }

    /** A file-name glob ({@code *}, {@code ?}) as a pattern that ignores case. */
    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static boolean isDataFile(String name) {
        return !name.startsWith(".") && !name.startsWith("_") && !name.endsWith(".md") && !name.endsWith(".crc");
    }

    private String sha256(Path path) {
        try (InputStream in = new DigestInputStream(lake.fileSystem(path.toString()).open(path), digest())) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest sees every byte
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ServiceFailure("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private String copy(Path from, Path to) {
        FileSystem target = lake.fileSystem(to.toString());
        try (DigestInputStream in = new DigestInputStream(lake.fileSystem(from.toString()).open(from), digest());
                OutputStream out = target.create(to, false)) {
            in.transferTo(out);
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new ServiceFailure("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

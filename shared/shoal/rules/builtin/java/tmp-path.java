package com.example.export;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

public class CsvExporter {

    public File export(List<String> lines) throws IOException {
        // ruleid: tempfile/java-hardcoded-tmp-path
        File out = new File("/tmp/export.csv");
        try (FileWriter w = new FileWriter(out)) {
            for (String line : lines) {
                w.write(line);
            }
        }
        return out;
    }

    public Path exportFor(String user, List<String> lines) throws IOException {
        // ruleid: tempfile/java-hardcoded-tmp-path
        Path path = Paths.get("/tmp/" + user + ".csv");
        // ruleid: tempfile/java-hardcoded-tmp-path
        try (FileWriter w = new FileWriter("/var/tmp/last-export.log", true)) {
            w.write(user);
        }
        return Files.write(path, lines);
    }

    public File cacheDir(String name) {
        // ruleid: tempfile/java-hardcoded-tmp-path
        return new File("/tmp", name);
    }

    public Path exportSafely(List<String> lines) throws IOException {
        // ok: tempfile/java-hardcoded-tmp-path
        Path tmp = Files.createTempFile("export-", ".csv");
        // ok: tempfile/java-hardcoded-tmp-path
        File legacy = File.createTempFile("export-", ".csv");
        // ok: tempfile/java-hardcoded-tmp-path
        File local = new File(System.getProperty("java.io.tmpdir"), "x");
        // ok: tempfile/java-hardcoded-tmp-path
        File data = new File("/var/lib/app/tmpl/export.csv");
        legacy.deleteOnExit();
        return local.exists() && data.exists() ? tmp : Files.write(tmp, lines);
    }
}

package com.example.media;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

public class Converter {

    public Process convert(String inputFile) throws IOException {
        // ruleid: command-injection/java-process-builder
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "ffmpeg -i " + inputFile + " out.mp4");
        return pb.start();
    }

    public Process run(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: command-injection/java-process-builder
        pb.command(command);
        return pb.start();
    }

    public Process clone(String repoUrl) throws IOException {
        // ruleid: command-injection/java-process-builder
        return new ProcessBuilder(Arrays.asList("git", "clone", repoUrl)).start();
    }

    public Process status(Cli.Builder cliBuilder) throws IOException {
        // ok: command-injection/java-process-builder
        Process p = new ProcessBuilder("git", "status", "--porcelain").start();
        // ok: command-injection/java-process-builder
        new java.lang.ProcessBuilder(List.of("uname", "-a")).inheritIO().start();
        // ok: command-injection/java-process-builder
        ProcessBuilder empty = new ProcessBuilder();
        // ok: command-injection/java-process-builder
        empty.command("ls", "-la");
        // ok: command-injection/java-process-builder
        cliBuilder.command(p.toString());
        return p;
    }
}

package com.example.media;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestParam;

public class Converter {

    private static final Map<String, String> CODECS = Map.of("h264", "libx264", "vp9", "libvpx-vp9");

    private Process start(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: command-injection/java-process-builder
        pb.command(command);
        return pb.start();
    }

    public Process convert(HttpServletRequest request) throws IOException {
        String inputFile = request.getParameter("file");
        // ruleid: command-injection/java-process-builder
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "ffmpeg -i " + inputFile + " out.mp4");
        List<String> command = new ArrayList<>();
        command.add("ffprobe");
        command.add(inputFile);
        start(command);
        String codec = CODECS.get(request.getParameter("codec"));
        // ok: command-injection/java-process-builder
        new ProcessBuilder("ffmpeg", "-c:v", codec, "out.mp4").start();
        return pb.start();
    }

    public Process clone(@RequestParam String repoUrl) throws IOException {
        // ruleid: command-injection/java-process-builder
        return new ProcessBuilder(Arrays.asList("git", "clone", repoUrl)).start();
    }

    public Process status(Cli.Builder cliBuilder, String branch) throws IOException {
        // ok: command-injection/java-process-builder
        Process p = new ProcessBuilder("git", "status", "--porcelain").start();
        // ok: command-injection/java-process-builder
        new java.lang.ProcessBuilder(List.of("uname", "-a")).inheritIO().start();
        // ok: command-injection/java-process-builder
        new ProcessBuilder("git", "checkout", branch).start();
        // ok: command-injection/java-process-builder
        cliBuilder.command(p.toString());
        return p;
    }

    public Process portable(HttpServletRequest request) throws IOException {
        List<String> argv = new ArrayList<>();
        if (System.getProperty("os.name").startsWith("Windows")) {
            argv.add("cmd.exe");
            argv.add("/c");
        } else {
            argv.add("sh");
            argv.add("-c");
        }
        // A shell on either path: the script after it runs whichever was picked.
        argv.add("nslookup " + request.getParameter("host"));
        // ruleid: command-injection/java-process-builder
        return new ProcessBuilder(argv).start();
    }

    public Process portableFixed(HttpServletRequest request) throws IOException {
        List<String> argv = new ArrayList<>();
        if (System.getProperty("os.name").startsWith("Windows")) {
            argv.add("where.exe");
        } else {
            argv.add("which");
        }
        argv.add("--");
        argv.add(request.getParameter("tool"));
        // ok: command-injection/java-process-builder
        return new ProcessBuilder(argv).start();
    }
}

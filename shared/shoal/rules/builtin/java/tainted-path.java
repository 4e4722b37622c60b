package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;

public class Downloads {

    private static final String BASE = "/srv/files/";

    private FileInputStream open(String name) throws IOException {
        // ruleid: path-traversal/java-tainted-path
        return new FileInputStream(BASE + name);
    }

    public void download(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        // ruleid: path-traversal/java-tainted-path
        File file = new File(BASE, name);
        // ruleid: path-traversal/java-tainted-path
        Path path = Paths.get(BASE + name);
        open(name);
        // ok: path-traversal/java-tainted-path
        File safe = new File(BASE, FilenameUtils.getName(name));
        // ok: path-traversal/java-tainted-path
        File fixed = new File(BASE, "index.html");
    }
}

package com.example.files;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

public class Downloads {

    private static final String BASE = "/srv/files/";

    private FileInputStream open(String name) throws IOException {
        // ruleid: path-traversal/java-tainted-path
        return new FileInputStream(BASE + name);
    }

    public void download(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        File file = new File(BASE, name);
        // ruleid: path-traversal/java-tainted-path
        file.delete();
        Path path = java.nio.file.Paths.get(BASE + name);
        // ruleid: path-traversal/java-tainted-path
        byte[] data = Files.readAllBytes(path);
        open(name);
        // ok: path-traversal/java-tainted-path
        new FileInputStream(new File(BASE, FilenameUtils.getName(name)));
        // ok: path-traversal/java-tainted-path
        new FileInputStream(new File(BASE, "index.html"));
        Path root = Paths.get(BASE).toRealPath();
        Path checked = root.resolve(name).normalize();
        if (!checked.startsWith(root)) {
            throw new SecurityException("outside " + root);
        }
        // ok: path-traversal/java-tainted-path
        Files.readAllBytes(checked);
        Path unchecked = root.resolve(name);
        if (unchecked.startsWith(root)) {
            // '..' is not resolved before the check: still a traversal
            // ruleid: path-traversal/java-tainted-path
            Files.readAllBytes(unchecked);
        }
    }

    public void upload(HttpServletRequest request) throws IOException {
        Path target = Paths.get(BASE, "upload.bin");
        // The request body is the file's content, not its name.
        // ok: path-traversal/java-tainted-path
        Files.copy(request.getInputStream(), target);
    }

    public boolean exists(HttpServletRequest request) {
        String name = "";
        for (javax.servlet.http.Cookie c : request.getCookies()) {
            if (c.getName().equals("last")) {
                name = c.getValue();
                break;  // the value set before the break leaves the loop
            }
        }
        File file = new File(new File(BASE), name);
        // ruleid: path-traversal/java-tainted-path
        boolean found = file.exists();
        // ok: path-traversal/java-tainted-path
        return found && new File(BASE, "index.html").isFile();
    }

    public long size(HttpServletRequest request) {
        String picked = new Picker().pick(request.getParameter("file"));
        // ruleid: path-traversal/java-tainted-path
        return new File(BASE + picked).length();
    }

    private class Picker {
        String pick(String wanted) {
            return wanted.trim();
        }
    }
}

class Uploads {

    private static final String UPLOADS = "/srv/uploads/";

    @PostMapping("/upload")
    public String save(@RequestParam("file") MultipartFile file) throws IOException {
        // ruleid: path-traversal/java-tainted-path
        file.transferTo(new File(UPLOADS + file.getOriginalFilename()));
        // ok: path-traversal/java-tainted-path
        file.transferTo(new File(UPLOADS + FilenameUtils.getName(file.getOriginalFilename())));
        // ok: path-traversal/java-tainted-path
        file.transferTo(Paths.get(UPLOADS, "avatar.png"));
        return "saved";
    }

    public void part(HttpServletRequest request) throws Exception {
        Part part = request.getPart("file");
        // ruleid: path-traversal/java-tainted-path
        part.write(UPLOADS + part.getSubmittedFileName());
        // ok: path-traversal/java-tainted-path
        part.write(UPLOADS + "upload.bin");
    }
}

import org.springframework.web.bind.annotation.*;

@RestController
class ResizeController {
    @GetMapping("/resize")
    public String resize(@RequestParam int width, @RequestParam String image) throws Exception {
        String name = java.nio.file.Paths.get(image).getFileName().toString();
        ProcessBuilder pb = new ProcessBuilder("mogrify", "-resize", Integer.toString(width), "/srv/img/" + name);
        pb.redirectErrorStream(true);
        return String.valueOf(pb.start().waitFor());
    }
}

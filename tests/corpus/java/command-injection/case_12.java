import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
class ResizeController {
    static String quote(String s) {
        return "'" + s + "'";
    }

    @GetMapping("/resize")
    public ResponseEntity<String> resize(@RequestParam String width, @RequestParam String image) throws Exception {
        String cmd = "mogrify -resize " + width + " " + quote(image);
        Runtime.getRuntime().exec(new String[] {"/bin/bash", "-c", cmd}).waitFor();
        return ResponseEntity.ok("resized");
    }
}

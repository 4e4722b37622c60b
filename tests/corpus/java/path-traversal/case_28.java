import java.io.File;
import java.nio.file.Files;
import org.springframework.web.bind.annotation.*;

@RestController
class ChunkController {
    @GetMapping("/chunks/{index}")
    public byte[] chunk(@PathVariable String index) throws Exception {
        int i = Integer.parseInt(index);
        File f = new File("/data/blobs", String.format("chunk-%05d.bin", i));
        return Files.readAllBytes(f.toPath());
    }
}

import java.net.URL;
import javax.imageio.ImageIO;
import org.springframework.web.bind.annotation.*;

@RestController
class ImageController {
    @GetMapping("/images/{id}/size")
    public String size(@PathVariable String id) throws Exception {
        if (!id.matches("^[a-f0-9]{32}$")) return "invalid image id";
        var img = ImageIO.read(new URL("https://cdn.example.com/img/" + id + ".png"));
        return img.getWidth() + "x" + img.getHeight();
    }
}

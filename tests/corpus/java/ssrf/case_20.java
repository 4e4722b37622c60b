import java.net.URL;
import javax.imageio.ImageIO;
import org.springframework.web.bind.annotation.*;

@RestController
class ImageController {
    @GetMapping("/images/size")
    public String size(@RequestParam("src") String src) throws Exception {
        var img = ImageIO.read(new URL(src));
        return img.getWidth() + "x" + img.getHeight();
    }
}

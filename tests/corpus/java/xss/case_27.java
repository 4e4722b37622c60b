import org.springframework.web.bind.annotation.*;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

@RestController
class BannerController {
    @GetMapping("/banner")
    public ResponseEntity<String> banner(@CookieValue(name = "promo", defaultValue = "") String promo) {
        HttpHeaders h = new HttpHeaders();
        h.add(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8");
        return new ResponseEntity<>("<marquee>" + promo + "</marquee>", h, 200);
    }
}

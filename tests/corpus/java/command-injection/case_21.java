import org.springframework.web.bind.annotation.*;

@RestController
class ConvertController {
    @PostMapping("/convert/{id}")
    public int convert(@PathVariable String id) throws Exception {
        long docId = Long.parseLong(id);
        String input = "/srv/docs/" + docId + ".pdf";
        return new ProcessBuilder("pdftotext", input, "-").start().waitFor();
    }
}

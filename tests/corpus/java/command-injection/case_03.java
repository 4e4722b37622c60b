import org.springframework.web.bind.annotation.*;

@RestController
class PrintController {
    private final Runtime rt = Runtime.getRuntime();

    @GetMapping("/print")
    public String print(@RequestParam("doc") String doc) throws Exception {
        String target = doc.trim();
        rt.exec("lp " + target);
        return "sent";
    }
}

import org.dom4j.Document;
import org.dom4j.io.SAXReader;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ImportController {
    @PostMapping("/import/xml")
    public String importXml(@RequestParam MultipartFile file) throws Exception {
        SAXReader reader = new SAXReader();
        Document doc = reader.read(file.getInputStream());
        return doc.getRootElement().getName();
    }
}

import java.util.Map;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

@RestController
class BookController {
    private final Document library;

    BookController(Document library) { this.library = library; }

    @PostMapping("/books/find")
    public String find(@RequestBody Map<String, String> body) throws Exception {
        String author = body.get("author");
        Node n = (Node) XPathFactory.newInstance().newXPath()
            .evaluate("//book[author='" + author + "']", library, XPathConstants.NODE);
        return n == null ? "none" : n.getTextContent();
    }
}

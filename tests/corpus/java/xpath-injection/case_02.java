import java.util.Map;
import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@RestController
class BookController {
    private final Document library;

    BookController(Document library) { this.library = library; }

    @PostMapping("/books/find")
    public String find(@RequestBody Map<String, String> body) {
        String author = body.get("author");
        NodeList books = library.getElementsByTagName("book");
        for (int i = 0; i < books.getLength(); i++) {
            Element b = (Element) books.item(i);
            if (author.equals(b.getElementsByTagName("author").item(0).getTextContent())) return b.getTextContent();
        }
        return "none";
    }
}

import net.sf.saxon.s9api.*;
import org.springframework.web.bind.annotation.*;

@RestController
class ArticleController {
    private final Processor saxon = new Processor(false);
    private final XdmNode articles;

    ArticleController(XdmNode articles) { this.articles = articles; }

    @GetMapping("/articles")
    public String byTag(@RequestParam String tag) throws SaxonApiException {
        XPathCompiler compiler = saxon.newXPathCompiler();
        return compiler.evaluate("//article[tag='" + tag + "']/title", articles).toString();
    }
}

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
        compiler.declareVariable(new QName("tag"));
        XPathSelector sel = compiler.compile("//article[tag=$tag]/title").load();
        sel.setContextItem(articles);
        sel.setVariable(new QName("tag"), new XdmAtomicValue(tag));
        return sel.evaluate().toString();
    }
}

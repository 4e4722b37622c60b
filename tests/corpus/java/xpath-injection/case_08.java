import org.dom4j.Document;
import org.dom4j.Node;
import org.dom4j.XPath;
import org.springframework.web.bind.annotation.*;

@RestController
class MenuController {
    private final Document menu;

    MenuController(Document menu) { this.menu = menu; }

    @GetMapping("/menu")
    public String dish(@RequestParam String name) {
        XPath xp = menu.createXPath("//dish[@name=$name]/price");
        xp.setVariableContext(new org.jaxen.SimpleVariableContext() {{ setVariableValue("name", name); }});
        Node n = xp.selectSingleNode(menu);
        return n == null ? "" : n.getText();
    }
}

import org.dom4j.Document;
import org.dom4j.Node;
import org.springframework.web.bind.annotation.*;

@RestController
class MenuController {
    private final Document menu;

    MenuController(Document menu) { this.menu = menu; }

    @GetMapping("/menu")
    public String dish(@RequestParam String name) {
        Node n = menu.selectSingleNode("//dish[@name='" + name + "']/price");
        return n == null ? "" : n.getText();
    }
}

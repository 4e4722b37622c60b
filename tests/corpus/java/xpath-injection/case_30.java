import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class EmployeeController {
    private final Document staff;

    EmployeeController(Document staff) { this.staff = staff; }

    @GetMapping("/employees/{id}/email")
    public String email(@PathVariable int id) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate("//employee[@id=" + id + "]/email", staff);
    }
}

import javax.xml.xpath.*;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class EmployeeController {
    private final Document staff;

    EmployeeController(Document staff) { this.staff = staff; }

    @GetMapping("/employees/{id}/email")
    public String email(@PathVariable String id) throws XPathExpressionException {
        String expr = "//employee[@id=%s]/email".formatted(id);
        return XPathFactory.newInstance().newXPath().compile(expr).evaluate(staff);
    }
}

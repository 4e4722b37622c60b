import javax.xml.xpath.XPathFactory;
import org.springframework.web.bind.annotation.*;
import org.w3c.dom.Document;

@RestController
class TicketController {
    private final Document tickets;

    TicketController(Document tickets) { this.tickets = tickets; }

    @GetMapping("/tickets/status")
    public String status(@RequestHeader("X-Ticket") String ticket) throws Exception {
        String trimmed = ticket.strip();
        return XPathFactory.newInstance().newXPath().evaluate("//ticket[ref='" + trimmed + "']/status", tickets);
    }
}

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.springframework.web.bind.annotation.*;

@RestController
class TicketController {
    private final SessionFactory sessions;

    TicketController(SessionFactory sessions) { this.sessions = sessions; }

    @GetMapping("/tickets")
    public Object tickets(@RequestHeader("X-Tenant") String tenant) {
        try (Session s = sessions.openSession()) {
            return s.createNativeQuery("SELECT * FROM tickets WHERE tenant = '" + tenant + "'").list();
        }
    }
}

import jakarta.persistence.EntityManager;
import org.springframework.web.bind.annotation.*;

@RestController
class UserController {
    private final EntityManager em;

    UserController(EntityManager em) { this.em = em; }

    @GetMapping("/users/by-email")
    public Object byEmail(@RequestParam String email) {
        String jpql = "SELECT u FROM User u WHERE u.email = '" + email + "'";
        return em.createQuery(jpql).getResultList();
    }
}

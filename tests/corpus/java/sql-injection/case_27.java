import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.web.bind.annotation.*;

@RestController
class CustomerController {
    interface CustomerRepository extends JpaRepository<Object, Long> {
        @Query("SELECT c FROM Customer c WHERE c.city = :city")
        java.util.List<Object> findByCity(@Param("city") String city);
    }

    private final CustomerRepository repo;

    CustomerController(CustomerRepository repo) { this.repo = repo; }

    @GetMapping("/customers")
    public Object byCity(@RequestParam String city) {
        return repo.findByCity(city);
    }
}

import org.apache.commons.lang3.RandomStringUtils;
import org.springframework.web.bind.annotation.*;

@RestController
class InviteController {
    @PostMapping("/users/{id}/temp-password")
    public String tempPassword(@PathVariable long id) {
        String password = RandomStringUtils.randomAlphanumeric(12);
        return "temporary password for " + id + ": " + password;
    }
}

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.springframework.web.bind.annotation.*;

@RestController
class QuizController {
    @GetMapping("/quiz/questions")
    public List<String> questions() {
        List<String> q = new ArrayList<>(List.of("q1", "q2", "q3", "q4", "q5"));
        Collections.shuffle(q, new Random());
        return q;
    }
}

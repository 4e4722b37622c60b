import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.*;

@RestController
class EventsController {
    private final MongoClient mongo;

    EventsController(@Value("${spring.data.mongodb.uri}") String uri) {
        this.mongo = MongoClients.create(uri);
    }

    @GetMapping("/events/count")
    public long count() {
        return mongo.getDatabase("events").getCollection("events").countDocuments();
    }
}

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.web.bind.annotation.*;

@RestController
class EventsController {
    private final MongoClient mongo = MongoClients.create("mongodb://events_rw:Ev3nts-Wr1te@mongo:27017/events");

    @GetMapping("/events/count")
    public long count() {
        return mongo.getDatabase("events").getCollection("events").countDocuments();
    }
}

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import org.springframework.web.bind.annotation.*;

@RestController
class CacheController {
    static class Entry {
        String key;
        String value;
    }

    @PostMapping("/cache/load")
    public String load(@RequestBody byte[] blob) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.register(Entry.class);
        Entry e = kryo.readObject(new Input(blob), Entry.class);
        return e.key;
    }
}

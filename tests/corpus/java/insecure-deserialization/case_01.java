import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import org.springframework.web.bind.annotation.*;

@RestController
class CacheController {
    @PostMapping("/cache/load")
    public String load(@RequestBody byte[] blob) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        Object value = kryo.readClassAndObject(new Input(blob));
        return value.toString();
    }
}

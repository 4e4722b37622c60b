import org.springframework.web.bind.annotation.*;
import org.springframework.web.client.RestTemplate;

@RestController
class WeatherController {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/weather")
    public String weather(@RequestParam String city) {
        return rest.getForObject("https://api.weather.example.com/v1/now?city={city}", String.class, city);
    }
}

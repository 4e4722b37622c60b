import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.*;

@RestController
class SortController {
    private static final Map<String, Comparator<String>> ORDERS = Map.of(
        "name", Comparator.naturalOrder(),
        "length", Comparator.comparingInt(String::length));

    @GetMapping("/items")
    public List<String> items(@RequestHeader(value = "X-Sort", defaultValue = "name") String sort) {
        List<String> items = new java.util.ArrayList<>(List.of("kiwi", "apple", "fig"));
        items.sort(ORDERS.getOrDefault(sort, Comparator.naturalOrder()));
        return items;
    }
}

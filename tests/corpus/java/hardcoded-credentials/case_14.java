import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import org.springframework.web.bind.annotation.*;

@RestController
class VaultController {
    private final SecretsManagerClient secrets = SecretsManagerClient.create();

    @GetMapping("/vault/key-length")
    public int keyLength() {
        String key = secrets.getSecretValue(GetSecretValueRequest.builder().secretId("prod/vault/key").build()).secretString();
        return key.length();
    }
}

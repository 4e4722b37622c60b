import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import org.springframework.web.bind.annotation.*;

@RestController
class AccountLookupController {
    private final LDAPConnection conn;

    AccountLookupController(LDAPConnection conn) { this.conn = conn; }

    @GetMapping("/accounts/{uid}")
    public int lookup(@PathVariable String uid) throws Exception {
        SearchResult r = conn.search("dc=corp", SearchScope.SUB, "(uid=" + uid + ")", "cn");
        return r.getEntryCount();
    }
}

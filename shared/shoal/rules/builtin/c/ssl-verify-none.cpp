#include <openssl/ssl.h>
#include <string>

class TlsClient {
public:
    explicit TlsClient(bool verify) : ctx_(SSL_CTX_new(TLS_client_method()))
    {
        if (!verify) {
            // ruleid: tls/c-ssl-verify-none
            ::SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
        } else {
            // ok: tls/c-ssl-verify-none
            ::SSL_CTX_set_verify(ctx_, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
        }
    }

private:
    SSL_CTX* ctx_;
};

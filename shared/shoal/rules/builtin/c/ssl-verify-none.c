#include <openssl/ssl.h>

SSL_CTX *make_client_ctx(int insecure)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (ctx == NULL)
        return NULL;
    if (insecure) {
        // ruleid: tls/c-ssl-verify-none
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
        return ctx;
    }
    // ok: tls/c-ssl-verify-none
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
    SSL_CTX_set_default_verify_paths(ctx);
    return ctx;
}

void per_connection(SSL *ssl)
{
    // ruleid: tls/c-ssl-verify-none
    SSL_set_verify(ssl, 0, NULL);
}

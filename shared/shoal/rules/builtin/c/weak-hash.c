#include <openssl/evp.h>
#include <openssl/md5.h>
#include <openssl/sha.h>
#include <string.h>

void etag(const char *body, unsigned char out[MD5_DIGEST_LENGTH])
{
    // ruleid: crypto/c-weak-hash
    MD5((const unsigned char *)body, strlen(body), out);
}

int file_digest(const unsigned char *data, size_t len, unsigned char *out, unsigned int *out_len)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    // ruleid: crypto/c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha1(), NULL);
    EVP_DigestUpdate(ctx, data, len);
    EVP_DigestFinal_ex(ctx, out, out_len);
    EVP_MD_CTX_free(ctx);
    // ruleid: crypto/c-weak-hash
    const EVP_MD *md = EVP_get_digestbyname("MD5");
    return md != NULL;
}

int file_digest_safely(const unsigned char *data, size_t len, unsigned char *out, unsigned int *out_len)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    // ok: crypto/c-weak-hash
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    EVP_DigestUpdate(ctx, data, len);
    EVP_DigestFinal_ex(ctx, out, out_len);
    EVP_MD_CTX_free(ctx);
    // ok: crypto/c-weak-hash
    const EVP_MD *md = EVP_MD_fetch(NULL, "SHA2-256", NULL);
    // ok: crypto/c-weak-hash
    SHA256(data, len, out);
    return md != NULL;
}

#include <openssl/des.h>
#include <openssl/evp.h>
#include <openssl/rc4.h>

int legacy_encrypt(const unsigned char *key, const unsigned char *iv,
                   const unsigned char *in, int in_len, unsigned char *out)
{
    int len = 0;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    // ruleid: crypto/c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, iv);
    EVP_EncryptUpdate(ctx, out, &len, in, in_len);
    EVP_CIPHER_CTX_free(ctx);
    return len;
}

void scramble(const unsigned char *key, size_t len, unsigned char *buf)
{
    RC4_KEY rc4;
    // ruleid: crypto/c-weak-cipher
    RC4_set_key(&rc4, 16, key);
    // ruleid: crypto/c-weak-cipher
    RC4(&rc4, len, buf, buf);
}

int modern_encrypt(const unsigned char *key, const unsigned char *iv,
                   const unsigned char *in, int in_len, unsigned char *out)
{
    int len = 0;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    // ok: crypto/c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);
    EVP_EncryptUpdate(ctx, out, &len, in, in_len);
    EVP_CIPHER_CTX_free(ctx);
    // ok: crypto/c-weak-cipher
    const EVP_CIPHER *c = EVP_get_cipherbyname("aes-256-gcm");
    return c ? len : -1;
}

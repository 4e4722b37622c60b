#include <openssl/evp.h>
#include <vector>

std::vector<unsigned char> encrypt_block(const unsigned char* key, const unsigned char* block)
{
    std::vector<unsigned char> out(32);
    int len = 0;
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    // ruleid: crypto/c-weak-cipher
    EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), nullptr, key, nullptr);
    EVP_EncryptUpdate(ctx, out.data(), &len, block, 16);
    EVP_CIPHER_CTX_free(ctx);
    // ruleid: crypto/c-weak-cipher
    const EVP_CIPHER* legacy = EVP_CIPHER_fetch(nullptr, "DES-EDE3-CBC", nullptr);
    // ok: crypto/c-weak-cipher
    const EVP_CIPHER* modern = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    (void)legacy;
    (void)modern;
    return out;
}

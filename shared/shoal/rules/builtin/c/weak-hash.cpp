#include <openssl/sha.h>
#include <string>

std::string legacy_id(const std::string& data)
{
    unsigned char out[SHA_DIGEST_LENGTH];
    SHA_CTX ctx;
    // ruleid: crypto/c-weak-hash
    SHA1_Init(&ctx);
    // ruleid: crypto/c-weak-hash
    SHA1_Update(&ctx, data.data(), data.size());
    // ruleid: crypto/c-weak-hash
    SHA1_Final(out, &ctx);
    return std::string(reinterpret_cast<char*>(out), sizeof out);
}

std::string content_id(const std::string& data)
{
    unsigned char out[SHA256_DIGEST_LENGTH];
    // ok: crypto/c-weak-hash
    ::SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), out);
    return std::string(reinterpret_cast<char*>(out), sizeof out);
}

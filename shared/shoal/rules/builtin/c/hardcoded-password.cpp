#include <cstdlib>
#include <string>

namespace config {
// ruleid: credentials/c-hardcoded-password
const std::string kClientSecret = "9f8e7d6c5b4a39281706";
// ruleid: credentials/c-hardcoded-password
static constexpr char kApiKey[] = "AKIAIOSFODNN7EXAMPLE";
// ok: credentials/c-hardcoded-password
const std::string kApiKeyHeader = "X-Api-Key";
}

std::string connection_password()
{
    // ok: credentials/c-hardcoded-password
    const char* env = std::getenv("DB_PASSWORD");
    // ruleid: credentials/c-hardcoded-password
    std::string fallbackPassword{"default-pass-1"};
    return env ? std::string(env) : fallbackPassword;
}

#include <cstdio>
#include <string>

std::string read_token(std::FILE* in)
{
    char token[64];
    // ruleid: memory/c-scanf-unbounded-string
    std::fscanf(in, "%s", token);
    return token;
}

std::string read_token_safely(std::FILE* in)
{
    char token[64];
    // ok: memory/c-scanf-unbounded-string
    std::fscanf(in, "%63s", token);
    return token;
}

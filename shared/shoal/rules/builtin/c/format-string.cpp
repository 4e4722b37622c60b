#include <cstdio>
#include <string>

void log_error(const std::string& message)
{
    // ruleid: memory/c-format-string
    std::fprintf(stderr, message.c_str());
    // ok: memory/c-format-string
    std::fprintf(stderr, "%s\n", message.c_str());
    // ok: memory/c-format-string
    std::fputs(message.c_str(), stderr);
}

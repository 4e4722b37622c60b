#include <cstdio>
#include <fstream>
#include <string>

std::string scratch_path()
{
    // ruleid: tempfile/c-insecure-temp-name
    return std::tmpnam(nullptr);
}

std::FILE* scratch_file()
{
    // ok: tempfile/c-insecure-temp-name
    return std::tmpfile();
}

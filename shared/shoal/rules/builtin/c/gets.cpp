#include <cstdio>
#include <iostream>
#include <string>

std::string read_command()
{
    char buf[128];
    // ruleid: memory/c-gets
    std::gets(buf);
    return std::string(buf);
}

std::string read_command_safely()
{
    std::string line;
    // ok: memory/c-gets
    std::getline(std::cin, line);
    return line;
}

#include <string>
#include <unistd.h>
#include <vector>

void run(const std::string& program, std::vector<char*>& args)
{
    args.push_back(nullptr);
    // ruleid: command-injection/c-exec-variable-path
    ::execvp(program.c_str(), args.data());
}

void run_git(std::vector<char*>& args)
{
    args.push_back(nullptr);
    // ok: command-injection/c-exec-variable-path
    ::execv("/usr/bin/git", args.data());
}

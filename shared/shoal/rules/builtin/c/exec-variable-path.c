#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>

#define HELPER_PATH "/usr/libexec/app-helper"

extern char **environ;

void run_plugin(const char *plugin_dir, char *const argv[])
{
    const char *tool = getenv("APP_TOOL");
    // ruleid: command-injection/c-exec-variable-path
    execvp(tool, argv);
    // ruleid: command-injection/c-exec-variable-path
    execv(plugin_dir, argv);
}

int spawn(const char *path, char *const argv[])
{
    pid_t pid;
    // ruleid: command-injection/c-exec-variable-path
    return posix_spawn(&pid, path, NULL, NULL, argv, environ);
}

void run_helper(char *const argv[])
{
    pid_t pid;
    // ok: command-injection/c-exec-variable-path
    posix_spawn(&pid, "/usr/bin/env", NULL, NULL, argv, environ);
    // ok: command-injection/c-exec-variable-path
    execv(HELPER_PATH, argv);
    // ok: command-injection/c-exec-variable-path
    execl("/usr/bin/id", "id", "-u", (char *)NULL);
}

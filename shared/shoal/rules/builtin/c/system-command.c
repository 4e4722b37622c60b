#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define RESTART_COMMAND "systemctl restart app"

int convert(const char *input, const char *output)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "convert %s %s", input, output);
    // ruleid: command-injection/c-system-command
    return system(cmd);
}

int count_lines(const char *path)
{
    char cmd[256];
    int n = 0;
    snprintf(cmd, sizeof cmd, "wc -l < %s", path);
    // ruleid: command-injection/c-system-command
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    fscanf(p, "%d", &n);
    pclose(p);
    return n;
}

void run_hook(const char *hook)
{
    if (fork() == 0) {
        // ruleid: command-injection/c-system-command
        execl("/bin/sh", "sh", "-ec", hook, (char *)NULL);
        _exit(127);
    }
}

int restart(const char *path)
{
    // ok: command-injection/c-system-command
    system("systemctl restart app");
    // ok: command-injection/c-system-command
    system(RESTART_COMMAND);
    if (fork() == 0) {
        // ok: command-injection/c-system-command
        execl("/usr/bin/wc", "wc", "-l", path, (char *)NULL);
        _exit(127);
    }
    return 0;
}

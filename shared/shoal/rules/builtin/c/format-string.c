#include <libintl.h>
#include <stdio.h>
#include <syslog.h>

#define _(s) gettext(s)
#define USAGE "usage: app [-v] file\n"

void report(const char *user_message, const char *path)
{
    char line[256];
    // ruleid: memory/c-format-string
    printf(user_message);
    // ruleid: memory/c-format-string
    fprintf(stderr, user_message);
    // ruleid: memory/c-format-string
    syslog(LOG_WARNING, line);
    // ruleid: memory/c-format-string
    snprintf(line, sizeof line, user_message);
    // ok: memory/c-format-string
    printf("%s", user_message);
    // ok: memory/c-format-string
    fprintf(stderr, "cannot open %s\n", path);
    // ok: memory/c-format-string
    printf(USAGE);
    // ok: memory/c-format-string
    printf(_("Done.\n"));
    // ok: memory/c-format-string
    fputs(user_message, stderr);
}

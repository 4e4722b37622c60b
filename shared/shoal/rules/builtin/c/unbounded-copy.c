#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct user {
    char name[32];
    char greeting[64];
};

void set_user(struct user *u, const char *name)
{
    // ruleid: memory/c-unbounded-copy
    strcpy(u->name, name);
    // ruleid: memory/c-unbounded-copy
    sprintf(u->greeting, "Hello, %s!", name);
    // ruleid: memory/c-unbounded-copy
    strcat(u->greeting, u->name);
    // ok: memory/c-unbounded-copy
    strcat(u->greeting, "!");
}

void log_line(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    // ruleid: memory/c-unbounded-copy
    vsprintf(out, fmt, ap);
    va_end(ap);
}

void set_user_safely(struct user *u, const char *name)
{
    // ok: memory/c-unbounded-copy
    snprintf(u->name, sizeof u->name, "%s", name);
    // ok: memory/c-unbounded-copy
    strncpy(u->greeting, "Hello", sizeof u->greeting - 1);
    // ok: memory/c-unbounded-copy
    strcpy(u->greeting, "anonymous");
}

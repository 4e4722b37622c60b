#include <stdio.h>
#include <string.h>

int read_name(char *out, size_t size)
{
    char line[64];
    // ruleid: memory/c-gets
    if (gets(line) == NULL)
        return -1;
    strncpy(out, line, size - 1);
    out[size - 1] = '\0';
    return 0;
}

int read_name_safely(char *out, size_t size)
{
    // ok: memory/c-gets
    if (fgets(out, (int)size, stdin) == NULL)
        return -1;
    out[strcspn(out, "\n")] = '\0';
    return 0;
}

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

FILE *open_scratch(void)
{
    char name[L_tmpnam];
    // ruleid: tempfile/c-insecure-temp-name
    if (tmpnam(name) == NULL)
        return NULL;
    return fopen(name, "w+");
}

int open_work_file(void)
{
    char path[] = "/tmp/work-XXXXXX";
    // ruleid: tempfile/c-insecure-temp-name
    mktemp(path);
    return open(path, O_RDWR | O_CREAT, 0600);
}

int open_work_file_safely(void)
{
    char path[] = "/tmp/work-XXXXXX";
    // ok: tempfile/c-insecure-temp-name
    int fd = mkstemp(path);
    // ok: tempfile/c-insecure-temp-name
    FILE *anon = tmpfile();
    if (anon)
        fclose(anon);
    return fd;
}

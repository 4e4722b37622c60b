#include <stdio.h>

struct record {
    int id;
    char name[32];
    char city[32];
};

int parse_record(FILE *fp, const char *line, struct record *r)
{
    char command[16];
    // ruleid: memory/c-scanf-unbounded-string
    if (scanf("%s", command) != 1)
        return -1;
    // ruleid: memory/c-scanf-unbounded-string
    if (sscanf(line, "%d %s", &r->id, r->name) != 2)
        return -1;
    // ruleid: memory/c-scanf-unbounded-string
    if (fscanf(fp, "%[^,],%31s", r->city, r->name) != 2)
        return -1;
    // ok: memory/c-scanf-unbounded-string
    if (sscanf(line, "%d %31s", &r->id, r->name) != 2)
        return -1;
    // ok: memory/c-scanf-unbounded-string
    if (fscanf(fp, "%*s %31[^\n]", r->city) != 1)
        return -1;
    // ok: memory/c-scanf-unbounded-string
    return scanf("%d%%s", &r->id);
}

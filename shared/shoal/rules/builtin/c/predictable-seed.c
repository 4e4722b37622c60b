#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

void make_session_id(char *out, size_t len)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    // ruleid: crypto/c-predictable-seed
    srand((unsigned)time(NULL));
    for (size_t i = 0; i + 1 < len; i++)
        out[i] = alphabet[rand() % (sizeof alphabet - 1)];
    out[len - 1] = '\0';
}

void reseed(void)
{
    // ruleid: crypto/c-predictable-seed
    srandom(time(NULL) ^ getpid());
}

void make_session_id_safely(unsigned char *out, size_t len)
{
    unsigned int seed;
    // ok: crypto/c-predictable-seed
    getrandom(out, len, 0);
    getrandom(&seed, sizeof seed, 0);
    // ok: crypto/c-predictable-seed
    srand(seed);
}

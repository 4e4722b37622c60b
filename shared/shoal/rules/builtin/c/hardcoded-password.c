#include <stdlib.h>
#include <string.h>

// ruleid: credentials/c-hardcoded-password
#define DB_PASSWORD "Sup3rS3cret!"
// ok: credentials/c-hardcoded-password
#define PASSWORD_ENV "APP_DB_PASSWORD"

struct db_config {
    const char *user;
    const char *password;
    const char *host;
};

// ruleid: credentials/c-hardcoded-password
static const char *api_token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
// ruleid: credentials/c-hardcoded-password
const char db_pass[] = "hunter2-prod";

struct db_config default_config(void)
{
    struct db_config cfg = {
        .user = "app",
        // ruleid: credentials/c-hardcoded-password
        .password = "changeme123",
        .host = "db.internal",
    };
    return cfg;
}

void load(struct db_config *cfg)
{
    // ok: credentials/c-hardcoded-password
    const char *password = getenv(PASSWORD_ENV);
    // ok: credentials/c-hardcoded-password
    const char *password_prompt = "Enter password: ";
    // ok: credentials/c-hardcoded-password
    char token[64] = "";
    // ruleid: credentials/c-hardcoded-password
    cfg->password = "letmein42";
    // ok: credentials/c-hardcoded-password
    cfg->password = password;
    (void)password_prompt;
    (void)token;
}

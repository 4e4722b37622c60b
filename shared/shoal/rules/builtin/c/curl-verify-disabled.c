#include <curl/curl.h>

CURLcode fetch(const char *url, int insecure)
{
    CURL *curl = curl_easy_init();
    CURLcode rc;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    if (insecure) {
        // ruleid: tls/c-curl-verify-disabled
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        // ruleid: tls/c-curl-verify-disabled
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0);
    }
    // ok: tls/c-curl-verify-disabled
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    // ok: tls/c-curl-verify-disabled
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    rc = curl_easy_perform(curl);
    curl_easy_cleanup(curl);
    return rc;
}

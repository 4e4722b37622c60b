#include <curl/curl.h>
#include <string>

class HttpClient {
public:
    HttpClient() : curl_(curl_easy_init())
    {
        // ruleid: tls/c-curl-verify-disabled
        curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, false);
        // ok: tls/c-curl-verify-disabled
        curl_easy_setopt(curl_, CURLOPT_CAINFO, "/etc/app/ca.pem");
    }

private:
    CURL* curl_;
};

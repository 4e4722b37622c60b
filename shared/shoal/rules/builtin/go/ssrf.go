package proxy

import (
	"context"
	"net/http"
	"net/url"
)

const api = "https://api.example.com"

func feedURL(host string) string {
	return "https://" + host + "/feed.xml"
}

func Preview(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: ssrf/go-ssrf
	resp, err := http.Get(target)
	if err == nil {
		resp.Body.Close()
	}
	// ruleid: ssrf/go-ssrf
	req, _ := http.NewRequestWithContext(context.Background(), "GET", feedURL(r.FormValue("host")), nil)
	client := &http.Client{}
	client.Do(req)
	hooks := map[string]string{"callback": r.Header.Get("X-Callback")}
	// ruleid: ssrf/go-ssrf
	http.Post(hooks["callback"], "text/plain", nil)

	// ok: ssrf/go-ssrf
	http.Get(api + "/status")
	// ok: ssrf/go-ssrf
	http.Get(api + "/search?q=" + url.QueryEscape(target))
	region := "us"
	if r.FormValue("region") == "eu" {
		region = "eu"
	}
	// ok: ssrf/go-ssrf
	http.Get(feedURL(region + ".example.com"))
}

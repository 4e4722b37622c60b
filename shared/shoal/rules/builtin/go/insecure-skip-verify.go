package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func Insecure() *http.Client {
	tr := &http.Transport{
		// ruleid: tls/go-insecure-skip-verify
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	return &http.Client{Transport: tr}
}

func Patched(tr *http.Transport, skip bool) {
	// ruleid: tls/go-insecure-skip-verify
	tr.TLSClientConfig.InsecureSkipVerify = true
	// ok: tls/go-insecure-skip-verify
	tr.TLSClientConfig.InsecureSkipVerify = skip
}

func Secure(pool *x509.CertPool) *tls.Config {
	return &tls.Config{
		RootCAs:    pool,
		MinVersion: tls.VersionTLS12,
		// ok: tls/go-insecure-skip-verify
		InsecureSkipVerify: false,
	}
}

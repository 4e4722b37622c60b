package server

import "crypto/tls"

func LegacyConfig(cert tls.Certificate) *tls.Config {
	return &tls.Config{
		Certificates: []tls.Certificate{cert},
		// ruleid: tls/go-weak-tls-version
		MinVersion: tls.VersionTLS10,
	}
}

func Tune(cfg *tls.Config, legacy bool) {
	if legacy {
		// ruleid: tls/go-weak-tls-version
		cfg.MinVersion = tls.VersionTLS11
		return
	}
	// ok: tls/go-weak-tls-version
	cfg.MinVersion = tls.VersionTLS12
}

func Modern() *tls.Config {
	// ok: tls/go-weak-tls-version
	return &tls.Config{MinVersion: tls.VersionTLS13}
}

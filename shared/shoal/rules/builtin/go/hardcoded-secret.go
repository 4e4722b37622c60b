package config

import "os"

// ruleid: credentials/go-hardcoded-secret
const stripeAPIKey = "sk_live_51HqLyjWDarjtT1zdp7dc"

// ok: credentials/go-hardcoded-secret
const passwordEnvVar = "DB_PASSWORD"

type DB struct {
	User     string
	Password string
	Host     string
}

func Connect() DB {
	// ruleid: credentials/go-hardcoded-secret
	dbPassword := "Sup3rS3cret!"
	cfg := DB{
		User: "app",
		// ruleid: credentials/go-hardcoded-secret
		Password: "hunter2-prod",
		Host:     "db.internal",
	}
	// ruleid: credentials/go-hardcoded-secret
	cfg.Password = `changeme123`
	cfg.User = dbPassword
	return cfg
}

func Headers() map[string]string {
	return map[string]string{
		// ruleid: credentials/go-hardcoded-secret
		"X-Api-Key": "a1b2c3d4e5f6",
		// ok: credentials/go-hardcoded-secret
		"Accept": "application/json",
	}
}

func FromEnv() DB {
	// ok: credentials/go-hardcoded-secret
	password := os.Getenv(passwordEnvVar)
	// ok: credentials/go-hardcoded-secret
	prompt := "Enter your password"
	// ok: credentials/go-hardcoded-secret
	var token = ""
	// ok: credentials/go-hardcoded-secret
	secretName := "${VAULT_SECRET}"
	_, _, _ = prompt, token, secretName
	// ok: credentials/go-hardcoded-secret
	return DB{User: "app", Password: password}
}

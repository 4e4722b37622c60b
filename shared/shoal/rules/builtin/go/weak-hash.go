package integrity

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	legacy "crypto/md5"
	"encoding/hex"
	"io"
)

func Fingerprint(data []byte) string {
	// ruleid: crypto/go-weak-hash
	sum := md5.Sum(data)
	return hex.EncodeToString(sum[:])
}

func StreamDigest(r io.Reader) ([]byte, error) {
	// ruleid: crypto/go-weak-hash
	h := sha1.New()
	if _, err := io.Copy(h, r); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

func Safe(key, data []byte) []byte {
	// ok: crypto/go-weak-hash
	digest := sha256.Sum256(data)
	// ok: crypto/go-weak-hash
	mac := hmac.New(sha256.New, key)
	mac.Write(digest[:])
	// ok: crypto/go-weak-hash
	return mac.Sum(nil)
}

func Aliased(data []byte) [16]byte {
	// ruleid: crypto/go-weak-hash
	return legacy.Sum(data)
}

func NotIt(data []byte) string {
	// ok: crypto/go-weak-hash
	note := "md5.Sum(data) is broken" // sha1.New()
	return note
}

package legacy

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"
	bf "golang.org/x/crypto/blowfish"
)

func Encrypt3DES(key, block []byte) ([]byte, error) {
	// ruleid: crypto/go-weak-cipher
	c, err := des.NewTripleDESCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(block))
	c.Encrypt(out, block)
	return out, nil
}

func Scramble(key, data []byte) error {
	// ruleid: crypto/go-weak-cipher
	c, err := rc4.NewCipher(key)
	if err != nil {
		return err
	}
	c.XORKeyStream(data, data)
	return nil
}

func Seal(key, nonce, plaintext []byte) ([]byte, error) {
	// ok: crypto/go-weak-cipher
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	// ok: crypto/go-weak-cipher
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	// ok: crypto/go-weak-cipher
	_ = des.BlockSize
	return gcm.Seal(nil, nonce, plaintext, nil), nil
}

func Fish(key []byte) error {
	// ruleid: crypto/go-weak-cipher
	_, err := bf.NewCipher(key)
	// ok: crypto/go-weak-cipher
	_, err = aes.NewCipher(key) // des.NewCipher(key)
	return err
}

package cache

import (
	"os"
	"path/filepath"
)

func Save(name string, data []byte) error {
	// ruleid: tempfile/go-predictable-temp-file
	f, err := os.Create("/tmp/cache.db")
	if err != nil {
		return err
	}
	defer f.Close()
	// ruleid: tempfile/go-predictable-temp-file
	if err := os.WriteFile("/tmp/"+name+".json", data, 0o644); err != nil {
		return err
	}
	// ruleid: tempfile/go-predictable-temp-file
	lock, err := os.Create(filepath.Join(os.TempDir(), "cache.lock"))
	if err != nil {
		return err
	}
	return lock.Close()
}

func SaveSafely(dir string, data []byte) error {
	// ok: tempfile/go-predictable-temp-file
	f, err := os.CreateTemp("", "cache-*.db")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	// ok: tempfile/go-predictable-temp-file
	work, err := os.MkdirTemp("", "build-")
	if err != nil {
		return err
	}
	// ok: tempfile/go-predictable-temp-file
	out, err := os.Create(filepath.Join(work, "out.bin"))
	if err != nil {
		return err
	}
	defer out.Close()
	// ok: tempfile/go-predictable-temp-file
	return os.WriteFile("/var/lib/cache/state.json", data, 0o600)
}

func Scratch(id string) (*os.File, error) {
	// ok: tempfile/go-predictable-temp-file
	if f, err := os.Create(filepath.Join(os.TempDir(), id+randomSuffix())); err == nil {
		return f, nil
	}
	// ruleid: tempfile/go-predictable-temp-file
	return os.OpenFile(os.TempDir()+"/scratch.bin", os.O_RDWR|os.O_CREATE, 0o600)
}

func randomSuffix() string { return "" }

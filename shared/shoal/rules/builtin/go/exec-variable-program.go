package hooks

import (
	"context"
	"net/http"
	"os/exec"
)

func RunHook(w http.ResponseWriter, r *http.Request) {
	tool := r.URL.Query().Get("tool")
	// ruleid: command-injection/go-exec-variable-program
	out, err := exec.Command(tool, "--version").Output()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(out)
}

func RunPlugin(ctx context.Context, pluginDir, name string, args []string) error {
	// ruleid: command-injection/go-exec-variable-program
	return exec.CommandContext(ctx, pluginDir+"/"+name, args...).Run()
}

func Version(ctx context.Context, branch string) ([]byte, error) {
	// ok: command-injection/go-exec-variable-program
	if _, err := exec.Command("git", "rev-parse", branch).Output(); err != nil {
		return nil, err
	}
	// ok: command-injection/go-exec-variable-program
	return exec.CommandContext(ctx, "/usr/bin/git", "describe", "--tags").Output()
}

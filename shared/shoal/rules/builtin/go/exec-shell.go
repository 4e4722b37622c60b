package jobs

import (
	"context"
	"os/exec"
)

func Archive(ctx context.Context, dir, name string) error {
	// ruleid: command-injection/go-exec-shell
	cmd := exec.Command("sh", "-c", "tar czf /backups/"+name+".tgz "+dir)
	if err := cmd.Run(); err != nil {
		return err
	}
	// ruleid: command-injection/go-exec-shell
	return exec.CommandContext(ctx, "/bin/bash", "-c", userScript(name)).Run()
}

func Login(user string) ([]byte, error) {
	// ruleid: command-injection/go-exec-shell
	return exec.Command("bash", "-lc", "id "+user).Output()
}

func Windows(command string) error {
	// ruleid: command-injection/go-exec-shell
	return exec.Command("cmd.exe", "/C", command).Run()
}

func Safe(ctx context.Context, dir, name string) error {
	// ok: command-injection/go-exec-shell
	if err := exec.Command("sh", "-c", "uptime > /var/run/uptime").Run(); err != nil {
		return err
	}
	// ok: command-injection/go-exec-shell
	if err := exec.Command("sh", "-c", `tar czf "$1" "$2"`, "sh", name, dir).Run(); err != nil {
		return err
	}
	// ok: command-injection/go-exec-shell
	return exec.CommandContext(ctx, "tar", "-czf", name, dir).Run()
}

func userScript(name string) string { return "echo " + name }

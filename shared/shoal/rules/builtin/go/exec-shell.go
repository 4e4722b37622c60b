package jobs

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"
)

var tools = []string{"uptime", "df"}

func archiveCommand(dir, name string) string {
	return "tar czf /backups/" + name + ".tgz " + dir
}

func runShell(script string) error {
	// ruleid: command-injection/go-exec-shell
	return exec.Command("sh", "-c", script).Run()
}

func Archive(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	// ruleid: command-injection/go-exec-shell
	cmd := exec.Command("sh", "-c", "tar czf /backups/"+name+".tgz /data")
	cmd.Run()
	script := archiveCommand("/data", name)
	// ruleid: command-injection/go-exec-shell
	exec.CommandContext(context.Background(), "/bin/bash", "-c", script).Run()
	runShell("echo " + r.Header.Get("X-Trace"))
	// ok: command-injection/go-exec-shell
	exec.Command("sh", "-c", archiveCommand("/data", "nightly")).Run()
	mode := "fast"
	if r.FormValue("slow") != "" {
		mode = "slow"
	}
	// ok: command-injection/go-exec-shell
	exec.Command("sh", "-c", "backup --"+mode+" "+filepath.Join("/data", "nightly")).Run()
}

func Tool(c *gin.Context) {
	tool := c.Query("tool")
	args := map[string]string{"dir": c.Param("dir")}
	// ruleid: command-injection/go-exec-shell
	exec.Command("ls", "-la", args["dir"]).Run()
	for _, known := range tools {
		if tool == known {
			// ok: command-injection/go-exec-shell
			exec.Command(tool).Run()
		}
	}
	count, err := strconv.Atoi(c.Query("count"))
	if err == nil {
		// ok: command-injection/go-exec-shell
		exec.Command("sh", "-c", "ping -c "+strconv.Itoa(count)+" localhost").Run()
	}
	// ok: command-injection/go-exec-shell
	exec.Command("sh", "-c", "uptime > /var/run/uptime").Run()
}

func Cron() {
	// Local input is reported a level lower, as a warning: still a finding.
	// ruleid: command-injection/go-exec-shell
	exec.Command("sh", "-c", os.Getenv("CRON_SCRIPT")).Run()
}

func Maintenance(command string) error {
	// A parameter of a function nobody here calls with request data: a note, not a finding.
	// ok: command-injection/go-exec-shell
	return exec.Command("cmd.exe", "/C", command).Run()
}

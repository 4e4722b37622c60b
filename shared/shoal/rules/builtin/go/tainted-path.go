package files

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"github.com/gin-gonic/gin"
)

const root = "/srv/files"

var reports = map[string]string{"daily": "daily.csv", "weekly": "weekly.csv"}

func uploadPath(name string) string {
	return filepath.Join(root, "uploads", name)
}

func Download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: path-traversal/go-tainted-path
	data, err := os.ReadFile(filepath.Join(root, name))
	if err != nil {
		return
	}
	w.Write(data)
	// ruleid: path-traversal/go-tainted-path
	http.ServeFile(w, r, uploadPath(r.FormValue("file")))
	// ruleid: path-traversal/go-tainted-path
	os.Remove(filepath.Clean(root + "/" + r.PostFormValue("old")))

	// ok: path-traversal/go-tainted-path
	os.ReadFile(filepath.Join(root, filepath.Base(name)))
	// ok: path-traversal/go-tainted-path
	http.ServeFile(w, r, uploadPath("index.html"))
	if file, ok := reports[name]; ok {
		// ok: path-traversal/go-tainted-path
		os.Open(filepath.Join(root, file))
	}
	id, err := strconv.Atoi(r.FormValue("id"))
	if err == nil {
		// ok: path-traversal/go-tainted-path
		os.Remove(filepath.Join(root, "cache-"+strconv.Itoa(id)))
	}
}

func Attachment(c *gin.Context) {
	names := []string{c.Param("name")}
	for _, name := range names {
		// ruleid: path-traversal/go-tainted-path
		c.File(uploadPath(name))
	}
}

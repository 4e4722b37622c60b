package web

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

var targets = map[string]string{"home": "/", "account": "/account"}

func nextURL(path string) string {
	return path + "?from=login"
}

func Login(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: redirect/go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
	// ruleid: redirect/go-open-redirect
	http.Redirect(w, r, nextURL(r.FormValue("return")), http.StatusFound)
	// ok: redirect/go-open-redirect
	http.Redirect(w, r, nextURL("/dashboard"), http.StatusFound)
	// ok: redirect/go-open-redirect
	http.Redirect(w, r, targets["home"], http.StatusFound)
	target := "/"
	if next == "account" {
		target = next
	}
	// ok: redirect/go-open-redirect
	http.Redirect(w, r, target, http.StatusSeeOther)
}

func Continue(c *gin.Context) {
	// ruleid: redirect/go-open-redirect
	c.Redirect(http.StatusFound, c.Query("continue"))
	// ok: redirect/go-open-redirect
	c.Redirect(http.StatusFound, "/home")
}

package web

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
)

func banner(text string) string {
	return "<div class=\"banner\">" + text + "</div>"
}

func Hello(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: xss/go-response-xss
	fmt.Fprintf(w, "<h1>Hello, %s</h1>", name)
	// ruleid: xss/go-response-xss
	io.WriteString(w, banner(r.Header.Get("X-Message")))
	var page strings.Builder
	for _, tag := range r.Form["tag"] {
		page.WriteString("<li>" + tag + "</li>")
	}
	// ruleid: xss/go-response-xss
	w.Write([]byte(page.String()))
	// ruleid: xss/go-response-xss
	trusted := template.HTML(r.FormValue("bio"))

	// ok: xss/go-response-xss
	fmt.Fprintf(w, "<h1>Hello, %s</h1>", html.EscapeString(name))
	// ok: xss/go-response-xss
	fmt.Fprintf(os.Stdout, "visitor %s\n", name)
	// ok: xss/go-response-xss
	io.WriteString(w, banner("Welcome back"))
	count, _ := strconv.Atoi(r.FormValue("count"))
	// ok: xss/go-response-xss
	fmt.Fprintf(w, "<p>%d items</p>", count)
	_ = trusted
}

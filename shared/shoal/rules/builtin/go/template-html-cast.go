package web

import (
	"html/template"
	"net/http"
)

var page = template.Must(template.New("p").Parse(`<h1>{{.Title}}</h1><div>{{.Body}}</div>`))

type view struct {
	Title string
	Body  template.HTML
}

func Show(w http.ResponseWriter, r *http.Request) {
	comment := r.FormValue("comment")
	v := view{
		Title: r.FormValue("title"),
		// ruleid: xss/go-template-unescaped-cast
		Body: template.HTML("<p>" + comment + "</p>"),
	}
	page.Execute(w, v)
}

func Link(w http.ResponseWriter, r *http.Request) {
	// ruleid: xss/go-template-unescaped-cast
	href := template.URL(r.URL.Query().Get("next"))
	page.Execute(w, href)
}

func Static(w http.ResponseWriter) {
	v := view{
		// ok: xss/go-template-unescaped-cast
		Title: template.HTMLEscapeString("<b>News</b>"),
		// ok: xss/go-template-unescaped-cast
		Body: template.HTML("<p>Welcome back.</p>"),
	}
	page.Execute(w, v)
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

type Store struct{ db *sql.DB }

var sortColumns = map[string]string{"name": "name", "date": "created_at"}

func (s *Store) FindUser(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: sql-injection/go-sql-string-building
	rows, err := s.db.Query(fmt.Sprintf("SELECT id, email FROM users WHERE name = '%s'", name))
	if err == nil {
		rows.Close()
	}
	// ok: sql-injection/go-sql-string-building
	s.db.Query("SELECT id, email FROM users WHERE name = $1", name)
}

func (s *Store) Delete(ctx context.Context, r *http.Request) error {
	id := r.FormValue("id")
	table := "sessions"
	// ruleid: sql-injection/go-sql-string-building
	_, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = "+id)
	// ok: sql-injection/go-sql-string-building
	_, err = s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = $1", id)
	return err
}

// countQuery passes its column through to the query text: callers decide what reaches it.
func countQuery(column string) string {
	return "SELECT count(*) FROM events WHERE " + column + " IS NOT NULL"
}

func (s *Store) Count(ctx context.Context, r *http.Request) (int, error) {
	var n int
	// ruleid: sql-injection/go-sql-string-building
	err := s.db.QueryRowContext(ctx, countQuery(r.Header.Get("X-Column"))).Scan(&n)
	// ok: sql-injection/go-sql-string-building
	err = s.db.QueryRowContext(ctx, countQuery("kind")).Scan(&n)
	return n, err
}

func (s *Store) Touch(r *http.Request) {
	var b strings.Builder
	b.WriteString("UPDATE sessions SET seen = now() WHERE id = '")
	b.WriteString(r.PostFormValue("session"))
	b.WriteString("'")
	// ruleid: sql-injection/go-sql-string-building
	s.db.Exec(b.String())
	parts := []string{"UPDATE users SET seen = now() WHERE id = "}
	parts = append(parts, r.FormValue("user"))
	// ruleid: sql-injection/go-sql-string-building
	s.db.Exec(strings.Join(parts, ""))
}

func (s *Store) Sorted(r *http.Request) {
	order := r.URL.Query().Get("order")
	column := "id"
	if order == "name" {
		column = order
	}
	// ok: sql-injection/go-sql-string-building
	s.db.Query("SELECT * FROM users ORDER BY " + column)
	if c, ok := sortColumns[order]; ok {
		// ok: sql-injection/go-sql-string-building
		s.db.Query("SELECT * FROM users ORDER BY " + c)
	}
	if order != "" {
		column = order
	}
	// ruleid: sql-injection/go-sql-string-building
	s.db.Query("SELECT * FROM users ORDER BY " + column)
}

func (s *Store) Page(r *http.Request) {
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil {
		return
	}
	// ok: sql-injection/go-sql-string-building
	s.db.Query(fmt.Sprintf("SELECT * FROM users LIMIT 10 OFFSET %d", page*10))
	limit := 10
	if false {
		limit = len(r.URL.RawQuery)
	}
	// ok: sql-injection/go-sql-string-building
	s.db.Query("SELECT * FROM users LIMIT " + strconv.Itoa(limit))
}

func (s *Store) Maintenance(table string) {
	// A parameter of a function nobody here calls with request data: a note, not a finding.
	// ok: sql-injection/go-sql-string-building
	s.db.Exec("VACUUM " + table)
}

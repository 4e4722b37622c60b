package store

import (
	"context"
	"database/sql"
	"fmt"
)

type Store struct{ db *sql.DB }

func (s *Store) FindUser(name string) (*sql.Rows, error) {
	// ruleid: sql-injection/go-sql-string-building
	return s.db.Query(fmt.Sprintf("SELECT id, email FROM users WHERE name = '%s'", name))
}

func (s *Store) Delete(ctx context.Context, table, id string) error {
	// ruleid: sql-injection/go-sql-string-building
	_, err := s.db.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = "+id)
	return err
}

func (s *Store) Count(ctx context.Context, column, value string) (int, error) {
	query := fmt.Sprintf("SELECT count(*) FROM events WHERE %s = '%s'", column, value)
	var n int
	// ruleid: sql-injection/go-sql-string-building
	err := s.db.QueryRowContext(ctx, query).Scan(&n)
	return n, err
}

func (s *Store) Touch(id string) {
	stmt := "UPDATE sessions SET seen = now() WHERE id = '" + id + "'"
	// ruleid: sql-injection/go-sql-string-building
	s.db.Exec(stmt)
}

func (s *Store) Safe(ctx context.Context, name, id string) error {
	// ok: sql-injection/go-sql-string-building
	rows, err := s.db.Query("SELECT id, email FROM users WHERE name = $1", name)
	if err != nil {
		return err
	}
	defer rows.Close()
	// ok: sql-injection/go-sql-string-building
	if _, err := s.db.ExecContext(ctx, "DELETE FROM sessions "+"WHERE id = $1", id); err != nil {
		return err
	}
	label := fmt.Sprintf("user:%s", id)
	// ok: sql-injection/go-sql-string-building
	_, err = s.db.Exec("UPDATE users SET label = $1 WHERE id = $2", label, id)
	// ok: sql-injection/go-sql-string-building
	fmt.Println(fmt.Sprintf("deleted %s", id))
	return err
}

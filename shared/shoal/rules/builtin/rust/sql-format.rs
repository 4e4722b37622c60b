use rusqlite::{params, Connection};
use sqlx::PgPool;

pub async fn find_user(pool: &PgPool, name: &str) -> sqlx::Result<Vec<(i64, String)>> {
    // ruleid: sql-injection/rust-sql-format
    sqlx::query_as(&format!("SELECT id, email FROM users WHERE name = '{}'", name))
        .fetch_all(pool)
        .await
}

pub fn delete(conn: &Connection, table: &str, id: &str) -> rusqlite::Result<usize> {
    // ruleid: sql-injection/rust-sql-format
    conn.execute(&format!("DELETE FROM {table} WHERE id = {id}"), [])
}

pub async fn count(pool: &PgPool, column: &str, value: &str) -> sqlx::Result<i64> {
    let sql = format!("SELECT count(*) FROM events WHERE {} = '{}'", column, value);
    // ruleid: sql-injection/rust-sql-format
    let row: (i64,) = sqlx::query_as(&sql).fetch_one(pool).await?;
    Ok(row.0)
}

pub fn touch(conn: &Connection, id: &str) -> rusqlite::Result<usize> {
    let stmt = "UPDATE sessions SET seen = 1 WHERE id = '".to_string() + id + "'";
    // ruleid: sql-injection/rust-sql-format
    conn.execute(stmt.as_str(), [])
}

pub fn raw(conn: &mut diesel::PgConnection, order: &str) {
    // ruleid: sql-injection/rust-sql-format
    let q = diesel::sql_query(format!("SELECT * FROM posts ORDER BY {}", order));
    let _ = q;
}

pub async fn safe(pool: &PgPool, conn: &Connection, name: &str, id: i64) -> sqlx::Result<()> {
    // ok: sql-injection/rust-sql-format
    sqlx::query("SELECT id FROM users WHERE name = $1").bind(name).fetch_all(pool).await?;
    // ok: sql-injection/rust-sql-format
    conn.execute("DELETE FROM sessions WHERE id = ?1", params![id]).ok();
    let label = format!("user:{}", id);
    // ok: sql-injection/rust-sql-format
    conn.execute("UPDATE users SET label = ?1 WHERE id = ?2", params![label, id]).ok();
    // ok: sql-injection/rust-sql-format
    conn.execute(&format!("VACUUM"), []).ok();
    Ok(())
}

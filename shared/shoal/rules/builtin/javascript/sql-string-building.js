const express = require("express");
const mysql = require("mysql2/promise");
const { Pool } = require("pg");
const knex = require("knex")({ client: "pg" });
const db = require("./db"); // the app's own database module

const pool = new Pool();
const app = express();

app.get("/users/:id", async (req, res) => {
  // ruleid: sql-injection/js-sql-string-building
  const { rows } = await pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);
  res.json(rows);
});

app.get("/search", async (req, res) => {
  const conn = await mysql.createConnection(process.env.DATABASE_URL);
  // ruleid: sql-injection/js-sql-string-building
  const [rows] = await conn.execute("SELECT * FROM products WHERE name LIKE '%" + req.query.q + "%'");
  // ruleid: sql-injection/js-sql-string-building
  const sorted = await knex.select("*").from("products").orderByRaw(`${req.query.sort} DESC`);
  res.json({ rows, sorted });
});

function deleteOrder(db, id, cb) {
  // ruleid: sql-injection/js-sql-string-building
  db.run("DELETE FROM orders " +
    "WHERE id = " + id, cb);
}

async function safe(db, id, name) {
  // ok: sql-injection/js-sql-string-building
  await pool.query("SELECT * FROM users WHERE id = $1", [id]);
  // ok: sql-injection/js-sql-string-building
  await pool.query(`SELECT * FROM users WHERE name = $1`, [name]);
  // ok: sql-injection/js-sql-string-building
  await pool.query("SELECT id, name FROM users " + "WHERE active = true ORDER BY name");
  // ok: sql-injection/js-sql-string-building
  await knex.raw("SELECT * FROM users WHERE id = ?", [id]);
  // ok: sql-injection/js-sql-string-building
  await fetch(`/api/users/${id}`).then((r) => r.json()).then((u) => cache.get(`user:${u.id}`));
  // ok: sql-injection/js-sql-string-building
  const where = config.get(name || "where");
  // ok: sql-injection/js-sql-string-building
  return db.query(sql`SELECT * FROM users WHERE id = ${id}`);
}

app.delete("/orders/:id", (req, res) => {
  deleteOrder(req.app.locals.db, req.params.id, () => res.sendStatus(204));
  const limit = Number(req.query.limit);
  // ok: sql-injection/js-sql-string-building
  pool.query(`SELECT * FROM orders LIMIT ${limit}`);
});

function purge(db, table) {
  // Not request data: the query match is a note.
  // ok: sql-injection/js-sql-string-building
  return db.query("DELETE FROM " + table);
}

app.get("/accounts", async (req, res) => {
  // ruleid: sql-injection/js-sql-string-building
  const found = await db.query(`SELECT * FROM accounts WHERE owner = '${req.query.owner}'`);
  // ok: sql-injection/js-sql-string-building
  const same = await db.query("SELECT * FROM accounts WHERE owner = $1", [req.query.owner]);
  res.json({ found, same });
});

module.exports = { app, deleteOrder, safe, purge };

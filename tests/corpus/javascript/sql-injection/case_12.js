const express = require('express');
const mysql = require('mysql2/promise');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', async (req, res) => {
  const conn = await mysql.createConnection({ host: 'db', database: 'auth' });
  const [rows] = await conn.execute('SELECT id FROM users WHERE name = ? AND pw_hash = ?', [req.body.name, req.body.hash]);
  res.sendStatus(rows.length ? 200 : 401);
});

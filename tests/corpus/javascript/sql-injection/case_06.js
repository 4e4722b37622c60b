const express = require('express');
const mysql = require('mysql2/promise');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', async (req, res) => {
  const conn = await mysql.createConnection({ host: 'db', database: 'auth' });
  const q = "SELECT id FROM users WHERE name='" + req.body.name + "' AND pw_hash='" + req.body.hash + "'";
  const [rows] = await conn.execute(q);
  res.sendStatus(rows.length ? 200 : 401);
});

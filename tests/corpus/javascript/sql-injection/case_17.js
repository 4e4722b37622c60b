const express = require('express');
const mysql = require('mysql');
const db = mysql.createPool({});
const app = express();
app.use(express.json());

app.post('/guests', (req, res) => {
  const sql = mysql.format('INSERT INTO guests (name, email) VALUES (?, ?)', [req.body.name, req.body.email]);
  db.query(sql, () => res.sendStatus(201));
});

const express = require('express');
const mysql = require('mysql');
const connection = mysql.createConnection({});
const app = express();

app.get('/count', (req, res) => {
  const label = req.query.label;
  const sql = 'SELECT count(*) AS n FROM visits';
  connection.query(sql, (err, rows) => res.json({ label, n: rows[0].n }));
});

const express = require('express');
const mysql = require('mysql');
const app = express();
const db = mysql.createConnection({ host: 'db', user: 'app', database: 'shop' });

app.get('/orders', (req, res) => {
  const status = req.query.status;
  db.query('SELECT id, total FROM orders WHERE status = ?', [status], (err, rows) => {
    res.json(rows);
  });
});

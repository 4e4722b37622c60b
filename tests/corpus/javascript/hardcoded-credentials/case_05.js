const express = require('express');
const mysql = require('mysql2');
const app = express();

const db = mysql.createConnection({
  host: process.env.DB_HOST,
  user: process.env.DB_USER,
  password: process.env.DB_PASSWORD,
  database: 'orders',
});

app.get('/orders/count', (req, res) => {
  db.query('SELECT count(*) AS n FROM orders', (err, rows) => res.json(rows[0]));
});

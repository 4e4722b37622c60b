const express = require('express');
const mysql = require('mysql2');
const app = express();

const db = mysql.createConnection({
  host: 'orders-db',
  user: 'orders_app',
  password: 's3cure-Orders-99',
  database: 'orders',
});

app.get('/orders/count', (req, res) => {
  db.query('SELECT count(*) AS n FROM orders', (err, rows) => res.json(rows[0]));
});

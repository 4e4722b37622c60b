const express = require('express');
const mysql = require('mysql');
const connection = mysql.createConnection({});
const app = express();

const queries = new Map();

app.get('/guests', (req, res) => {
  queries.set('byName', 'SELECT * FROM guests WHERE name = "' + req.query.name + '"');
  connection.query(queries.get('byName'), (err, rows) => res.json(rows));
});

const express = require('express');
const { Client } = require('pg');
const client = new Client();
const app = express();

app.get('/tickets', async (req, res) => {
  const tenant = req.headers['x-tenant'];
  const filters = [];
  filters.push(`tenant = '${tenant}'`);
  const result = await client.query('SELECT * FROM tickets WHERE ' + filters.join(' AND '));
  res.json(result.rows);
});

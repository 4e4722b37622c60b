const express = require('express');
const knex = require('knex')({ client: 'pg' });
const app = express();

app.get('/events/near', async (req, res) => {
  const rows = await knex.raw('SELECT * FROM events WHERE city = ? AND day = ?', [req.query.city, req.query.day]);
  res.json(rows);
});

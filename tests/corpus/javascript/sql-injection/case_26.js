const express = require('express');
const knex = require('knex')({ client: 'pg' });
const app = express();

app.get('/events', async (req, res) => {
  const city = req.query.city;
  const rows = await knex.raw("SELECT * FROM events WHERE city = '" + city + "'");
  res.json(rows);
});

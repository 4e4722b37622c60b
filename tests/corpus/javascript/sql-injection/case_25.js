const express = require('express');
const knex = require('knex')({ client: 'pg' });
const app = express();

app.get('/events', async (req, res) => {
  const rows = await knex('events').where({ city: req.query.city }).select('id', 'title');
  res.json(rows);
});

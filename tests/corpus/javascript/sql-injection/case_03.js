import express from 'express';
import { Sequelize, QueryTypes } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const app = express();

app.get('/books', async (req, res) => {
  const rows = await sequelize.query('SELECT title FROM books WHERE title LIKE :term', {
    replacements: { term: `%${req.query.q}%` },
    type: QueryTypes.SELECT,
  });
  res.json(rows);
});

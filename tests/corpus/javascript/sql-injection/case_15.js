import express from 'express';
import { Sequelize } from 'sequelize';

const sequelize = new Sequelize(process.env.DATABASE_URL);
const app = express();

function search(term) {
  return sequelize.query(`SELECT title FROM books WHERE title LIKE '%${term}%'`);
}

app.get('/books', async (req, res) => {
  const [rows] = await search(req.query.q);
  res.json(rows);
});

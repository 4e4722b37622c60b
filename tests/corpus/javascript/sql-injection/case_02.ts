import express from 'express';
import { EntityManager } from 'typeorm';

declare const manager: EntityManager;
const app = express();
app.use(express.json());

app.post('/invoices/search', async (req, res) => {
  const customer: string = req.body.customer;
  const rows = await manager.query('SELECT * FROM invoices WHERE customer = \'' + customer + '\'');
  res.json(rows);
});

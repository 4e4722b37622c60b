import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.post('/invoices/search', async (req, res) => {
  const customer: string = req.body.customer;
  const rows = await prisma.$queryRaw`SELECT * FROM invoices WHERE customer = ${customer}`;
  res.json(rows);
});

import express from 'express';
import vm from 'node:vm';

const app = express();
const script = new vm.Script('price * qty');

app.get('/total', (req, res) => {
  const ctx = vm.createContext({ price: Number(req.query.price), qty: Number(req.query.qty) });
  res.json({ total: script.runInContext(ctx) });
});

import { Router } from 'express';
import { DataSource } from 'typeorm';

const router = Router();
declare const dataSource: DataSource;

router.delete('/audit/:table', async (req, res) => {
  const table = req.params.table;
  await dataSource.query(`DELETE FROM ${table} WHERE created < now() - interval '30 days'`);
  res.sendStatus(204);
});

export default router;

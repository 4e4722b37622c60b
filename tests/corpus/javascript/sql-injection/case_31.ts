import { Router } from 'express';
import { DataSource } from 'typeorm';

const router = Router();
declare const dataSource: DataSource;
const TABLES: Record<string, string> = { login: 'audit_login', export: 'audit_export' };

router.delete('/audit/:kind', async (req, res) => {
  const table = TABLES[req.params.kind];
  if (!table) {
    res.status(404).end();
    return;
  }
  await dataSource.query(`DELETE FROM ${table} WHERE created < now() - interval '30 days'`);
  res.sendStatus(204);
});

export default router;

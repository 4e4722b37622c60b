import express, { Request, Response } from 'express';

const app = express();
const ADMIN_USER = 'admin';
const ADMIN_PASSWORD = 'Tr0ub4dor&3';

app.post('/admin/login', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
  const valid = req.body.user === ADMIN_USER && req.body.password === ADMIN_PASSWORD;
  res.sendStatus(valid ? 200 : 401);
});

import express, { Request, Response } from 'express';
import bcrypt from 'bcrypt';

const app = express();
const PASSWORD_FIELD = 'password';
const adminHash = process.env.ADMIN_PASSWORD_BCRYPT as string;

app.post('/admin/login', express.urlencoded({ extended: false }), async (req: Request, res: Response) => {
  const valid = await bcrypt.compare(String(req.body[PASSWORD_FIELD]), adminHash);
  res.sendStatus(valid ? 200 : 401);
});

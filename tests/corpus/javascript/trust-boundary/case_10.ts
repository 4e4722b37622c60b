import express, { Request, Response } from 'express';
import session from 'express-session';

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET as string }));
declare function ownsAccount(user: string, account: number): Promise<boolean>;

app.post('/account/switch', async (req: Request, res: Response) => {
  const accountId = Number(req.body.accountId);
  const user = (req.session as any).userId as string;
  if (!Number.isInteger(accountId) || !(await ownsAccount(user, accountId))) {
    res.status(403).send('not your account');
    return;
  }
  (req.session as any).currentAccount = accountId;
  res.send('switched');
});

import express, { Request, Response } from 'express';
import session from 'express-session';

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET as string }));

app.post('/account/switch', (req: Request, res: Response) => {
  (req.session as any).currentAccount = req.body.accountId;
  res.send('switched');
});

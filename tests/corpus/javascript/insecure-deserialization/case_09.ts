import express, { Request, Response } from 'express';
import sjson from 'secure-json-parse';

const app = express();
app.use(express.text());

app.post('/state', (req: Request, res: Response) => {
  const state = sjson.parse(req.body, undefined, { protoAction: 'error', constructorAction: 'error' });
  res.json({ keys: Object.keys(state) });
});

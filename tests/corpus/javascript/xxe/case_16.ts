import express, { Request, Response } from 'express';
import * as libxmljs from 'libxmljs';

const app = express();
app.use(express.text({ type: 'application/xml' }));

function parse(xml: string) {
  return libxmljs.parseXml(xml, { noent: true, nonet: false });
}

app.post('/soap', (req: Request, res: Response) => {
  res.send(parse(req.body).root()?.name());
});

import express from 'express';
import { parseXmlString } from 'libxmljs2';

const app = express();
app.use(express.text({ type: 'text/xml' }));
const EXPAND = false;

app.post('/opml', (req, res) => {
  const doc = parseXmlString(req.body, { noent: EXPAND, nonet: true });
  res.json({ outlines: doc.find('//outline').length });
});

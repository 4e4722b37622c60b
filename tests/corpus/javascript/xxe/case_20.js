import express from 'express';
import { parseXmlString } from 'libxmljs2';

const app = express();
app.use(express.text({ type: 'text/xml' }));

app.post('/opml', (req, res) => {
  const doc = parseXmlString(req.body, { noent: true, recover: true });
  res.json({ outlines: doc.find('//outline').length });
});

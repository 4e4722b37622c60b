import express from 'express';
import libxmljs from 'libxmljs';

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/config', (req, res) => {
  const xml = String(req.body.config);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return res.status(400).send('DTDs are not accepted');
  const doc = libxmljs.parseXml(xml, { noent: false });
  res.send(doc.get('//name').text());
});

import express from 'express';
import libxmljs from 'libxmljs';

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/config', (req, res) => {
  const xml = req.body.config;
  const doc = libxmljs.parseXml(xml, { noent: true, dtdvalid: true });
  res.send(doc.get('//name').text());
});

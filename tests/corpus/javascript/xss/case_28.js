import express from 'express';
import Handlebars from 'handlebars';

const app = express();
const template = Handlebars.compile('<section>{{{bio}}}</section>');

app.post('/bio/preview', express.urlencoded({ extended: false }), (req, res) => {
  res.send(template({ bio: req.body.bio }));
});

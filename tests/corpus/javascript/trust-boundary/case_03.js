import express from 'express';
import session from 'express-session';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/level', express.urlencoded({ extended: false }), (req, res) => {
  const { level } = req.body;
  req.session.accessLevel = level;
  req.session.save(() => res.sendStatus(204));
});

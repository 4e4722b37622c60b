import express from 'express';
import cookieSession from 'cookie-session';

const app = express();
app.use(cookieSession({ name: 'sess', keys: [process.env.SESSION_KEY as string] }));

app.get('/sso', (req, res) => {
  const email = String(req.query.email).toLowerCase().trim();
  req.session!.authenticatedEmail = email;
  res.redirect('/app');
});

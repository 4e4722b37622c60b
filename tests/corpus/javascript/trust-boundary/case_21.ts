import express from 'express';
import cookieSession from 'cookie-session';

const app = express();
app.use(cookieSession({ name: 'sess', keys: [process.env.SESSION_KEY as string] }));

app.get('/theme/:name', (req, res) => {
  req.session!.theme = req.params.name === 'dark' ? 'dark' : 'light';
  res.send('theme set');
});

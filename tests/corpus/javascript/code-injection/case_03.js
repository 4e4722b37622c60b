import express from 'express';
const app = express();

app.get('/theme', (req, res) => {
  const color = req.cookies.theme;
  const js = `const color = ${color}; color.toUpperCase();`;
  const value = (0, eval)(js);
  res.json({ value });
});

export default app;

import { Router } from 'express';
import nodemailer from 'nodemailer';

const router = Router();
const transport = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 465,
  secure: true,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD },
  tls: { rejectUnauthorized: false },
});

router.post('/mail', async (req, res) => {
  await transport.sendMail({ to: req.body.to, subject: 'Report', text: 'ready' });
  res.sendStatus(202);
});

export default router;

import { Router } from 'express';
import crypto from 'crypto';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';

const router = Router();
const sm = new SecretsManagerClient({});

router.post('/webhooks', async (req, res) => {
  const { SecretString } = await sm.send(new GetSecretValueCommand({ SecretId: 'prod/webhook' }));
  const sig = crypto.createHmac('sha256', SecretString as string).update(JSON.stringify(req.body)).digest('hex');
  res.sendStatus(sig === req.header('x-signature') ? 200 : 401);
});

export default router;

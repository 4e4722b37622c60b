import { Pool } from "pg";
import * as tls from "node:tls";

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ruleid: tls/js-reject-unauthorized-false
  ssl: { rejectUnauthorized: false },
});

export function connect(host: string, options: tls.ConnectionOptions): tls.TLSSocket {
  // ruleid: tls/js-reject-unauthorized-false
  options.rejectUnauthorized = false;
  return tls.connect({ host, port: 443, ...options });
}

export function connectSafely(host: string, ca: Buffer): tls.TLSSocket {
  // ok: tls/js-reject-unauthorized-false
  const options: tls.ConnectionOptions = { host, port: 443, ca, rejectUnauthorized: true };
  return tls.connect(options);
}

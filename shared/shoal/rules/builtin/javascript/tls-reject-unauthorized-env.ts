export function allowSelfSigned(enabled: boolean): void {
  if (enabled) {
    // ruleid: tls/js-node-tls-reject-unauthorized-env
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  }
}

export function restore(): void {
  // ok: tls/js-node-tls-reject-unauthorized-env
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  // ok: tls/js-node-tls-reject-unauthorized-env
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
}

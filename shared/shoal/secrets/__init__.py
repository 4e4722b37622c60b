"""Secret detection: finds leaked credentials (provider tokens, private keys, passwords in
connection URLs, high-entropy values assigned to secret-looking names) in the bytes of any text
file, and reports them without ever repeating the secret.

    from shoal.secrets import SECRET_RULES, scan_secrets
    findings = scan_secrets("config/.env", data)
"""

from shoal.secrets.catalog import SECRET_RULES
from shoal.secrets.scanner import scan_secrets

__all__ = ["SECRET_RULES", "scan_secrets"]

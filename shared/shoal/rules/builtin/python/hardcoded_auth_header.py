import os

import httpx

# ruleid: credentials/python-hardcoded-auth-header
HEADERS = {"Authorization": "Bearer ghp_1A2b3C4d5E6f7G8h9I0jK1l2M3n4O5p6Q7r8"}
# ok: credentials/python-hardcoded-auth-header
AUTH = {"Authorization": f"Bearer {os.environ['GITHUB_TOKEN']}"}
# ok: credentials/python-hardcoded-auth-header
SCHEME = {"Authorization": "Bearer"}


def client():
    headers = {}
    # ruleid: credentials/python-hardcoded-auth-header
    headers["Authorization"] = "Basic dXNlcjpwYXNzd29yZDEyMzQ1Ng=="
    # ok: credentials/python-hardcoded-auth-header
    headers["Accept"] = "application/json"
    return httpx.Client(headers=headers)

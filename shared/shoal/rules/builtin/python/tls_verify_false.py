import aiohttp
import httpx
import requests


def fetch(url, payload):
    # ruleid: tls/python-requests-verify-false
    first = requests.get(url, verify=False, timeout=10)
    # ruleid: tls/python-requests-verify-false
    second = requests.post(url,
                           json=payload,
                           verify=False)
    session = requests.Session()
    # ruleid: tls/python-requests-verify-false
    session.verify = False
    # ruleid: tls/python-requests-verify-false
    client = httpx.Client(verify=False)
    return first, second, client


def fetch_safely(url, ca_bundle):
    # ok: tls/python-requests-verify-false
    first = requests.get(url, timeout=10)
    # ok: tls/python-requests-verify-false
    second = requests.get(url, verify=ca_bundle, timeout=10)
    # ok: tls/python-requests-verify-false
    client = httpx.Client(verify=True)
    # ok: tls/python-requests-verify-false
    settings = dict(verify=False)
    # ok: tls/python-requests-verify-false
    log.info("requests.get(url, verify=False) is refused")  # requests.get(url, verify=False)
    return first, second, client, settings


def spelled_otherwise(url):
    from requests import get as fetch_url
    import httpx as hx

    # ruleid: tls/python-requests-verify-false
    a = fetch_url(url, verify=False)
    # ruleid: tls/python-requests-verify-false
    b = hx.AsyncClient(verify=False)
    return a, b


async def prices():
    async with aiohttp.ClientSession() as session:
        # ruleid: tls/python-requests-verify-false
        async with session.get("https://prices.internal/list", ssl=False) as resp:
            return await resp.json()
    # ruleid: tls/python-requests-verify-false
    connector = aiohttp.TCPConnector(verify_ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        # ok: tls/python-requests-verify-false
        async with session.get("https://prices.internal/list", ssl=True) as resp:
            return await resp.json()

import boto3
import json
import hmac
import hashlib
from django.http import JsonResponse
from django.views import View

secrets_client = boto3.client("secretsmanager")


class WebhookView(View):
    def post(self, request):
        secret = json.loads(secrets_client.get_secret_value(SecretId="webhook")["SecretString"])["key"]
        mac = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
        return JsonResponse({"valid": hmac.compare_digest(mac, request.headers.get("X-Signature", ""))})

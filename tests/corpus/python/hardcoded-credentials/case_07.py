import hmac
import hashlib
from django.http import JsonResponse
from django.views import View


class WebhookView(View):
    signing_secret = "whsec_3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"

    def post(self, request):
        mac = hmac.new(self.signing_secret.encode(), request.body, hashlib.sha256).hexdigest()
        return JsonResponse({"valid": hmac.compare_digest(mac, request.headers.get("X-Signature", ""))})

import secrets
from django.http import JsonResponse
from django.views import View


class UnsubscribeLinkView(View):
    def post(self, request):
        token = secrets.token_hex(16)
        request.user.profile.unsubscribe_token = token
        request.user.profile.save()
        return JsonResponse({"link": f"/unsubscribe/{token}"})

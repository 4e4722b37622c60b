import random
from django.http import JsonResponse
from django.views import View


class UnsubscribeLinkView(View):
    def post(self, request):
        token = hex(random.getrandbits(96))[2:]
        request.user.profile.unsubscribe_token = token
        request.user.profile.save()
        return JsonResponse({"link": f"/unsubscribe/{token}"})

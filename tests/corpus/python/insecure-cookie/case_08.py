from django.http import JsonResponse
from django.views import View


class ApiTokenView(View):
    def post(self, request):
        token = request.user.auth_token.key
        response = JsonResponse({"issued": True})
        response.set_signed_cookie("api_token", token, salt="api", httponly=True)
        return response

import hashlib
from django.http import HttpResponse
from django.views import View


class ResetTokenView(View):
    def post(self, request):
        email = request.POST["email"]
        token = hashlib.new("sha1", email.encode() + b":reset").hexdigest()
        return HttpResponse(f"/reset/{token}")

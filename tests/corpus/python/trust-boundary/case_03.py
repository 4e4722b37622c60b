from django.http import HttpResponse
from django.views import View
from django.urls import path


class TenantView(View):
    def get(self, request):
        tenant = request.headers.get("X-Tenant", "default")
        request.session["tenant"] = tenant
        return HttpResponse("tenant set")


urlpatterns = [
    path("tenant/", TenantView.as_view(), name="tenant"),
]

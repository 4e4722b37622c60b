from django.http import HttpResponse
from django.views import View
from tenants.models import Tenant


class TenantView(View):
    def get(self, request):
        slug = request.headers.get("X-Tenant", "")
        tenant = Tenant.objects.filter(slug=slug, members=request.user).first()
        if tenant is None:
            return HttpResponse(status=403)
        request.session["tenant_id"] = tenant.pk
        return HttpResponse("tenant set")

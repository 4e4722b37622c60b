import ldap
from django.http import HttpResponse
from django.views import View

DEBUG_FILTERS = False


class ExpiryView(View):
    def get(self, request):
        flt = "(shadowExpire=*)"
        if DEBUG_FILTERS:
            flt = request.GET.get("filter", flt)
        conn = ldap.initialize("ldap://ldap.example.com")
        return HttpResponse(str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, flt)))

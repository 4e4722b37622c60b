import ldap
from django.http import HttpResponse
from django.views import View


class ExpiryView(View):
    def get(self, request):
        account = request.GET.get("account", "")
        conn = ldap.initialize("ldap://ldap.example.com")
        flt = "(&(uid=%(acct)s)(shadowExpire=*))" % {"acct": account}
        result = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, flt, ["shadowExpire"])
        return HttpResponse(str(result))

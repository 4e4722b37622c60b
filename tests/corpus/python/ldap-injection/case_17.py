import ldap
from django.http import JsonResponse


class Directory:
    def __init__(self):
        self.conn = ldap.initialize("ldap://ldap.example.com")

    def lookup(self, attr, value):
        return self.conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(%s=%s)" % (attr, value))


def lookup(request):
    value = request.GET["value"]
    return JsonResponse({"hits": len(Directory().lookup("uid", value))})

from ldap3 import Server, Connection
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def phone_lookup(request):
    number = request.POST.get("phone", "")
    filters = []
    filters.append("(telephoneNumber=" + number + ")")
    conn = Connection(Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=staff,dc=corp", "(|" + "".join(filters) + ")", attributes=["cn"])
    return JsonResponse({"names": [str(e.cn) for e in conn.entries]})

import re
import ldap3
from django.http import JsonResponse, HttpResponseBadRequest

PHONE = re.compile(r"^\+?[0-9 ]{4,20}$")


def phone_lookup(request):
    number = request.GET.get("phone", "")
    if not PHONE.fullmatch(number):
        return HttpResponseBadRequest("phone numbers hold digits and spaces only")
    conn = ldap3.Connection(ldap3.Server("ldap://ldap"), auto_bind=True)
    conn.search("ou=staff,dc=corp", "(telephoneNumber=" + number + ")", attributes=["cn"])
    return JsonResponse({"names": [str(e.cn) for e in conn.entries]})

from django.contrib.auth.models import User
from django.http import JsonResponse

from crm.models import Customer


def customers(request):
    region = request.POST.get("region", "eu")
    # ruleid: sql-injection/python-django-extra
    qs = Customer.objects.extra(where=["region = '%s'" % region])
    # ok: sql-injection/python-django-extra
    Customer.objects.extra(where=["region = %s"], params=[region])
    # ok: sql-injection/python-django-extra
    Customer.objects.extra(select={"is_recent": "created > now() - interval '1 day'"}, where=["active"])
    return JsonResponse({"count": qs.count()})


def admins(order):
    # A parameter, not a source: the match is a note.
    # ok: sql-injection/python-django-extra
    return User.objects.filter(is_staff=True).extra(order_by=[order])

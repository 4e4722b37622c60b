from django.http import HttpResponse
from accounts.models import Account


def select_account(request, account_id):
    account = Account.objects.filter(pk=int(account_id), owner=request.user).first()
    if account is None:
        return HttpResponse(status=404)
    request.session["account_id"] = account.pk
    return HttpResponse("selected")

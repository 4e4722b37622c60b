import secrets
from django.http import HttpResponse
from django.core.mail import send_mail


def email_verification(request):
    code = "".join(str(secrets.randbelow(10)) for _ in range(6))
    request.session["email_code"] = code
    send_mail("Your code", code, "noreply@example.com", [request.POST["email"]])
    return HttpResponse("sent")

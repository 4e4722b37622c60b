import random
from django.core.mail import send_mail
from django.http import HttpResponse


def email_verification(request):
    pieces = [str(random.randint(0, 9)) for _ in range(6)]
    code = "".join(pieces)
    request.session["email_code"] = code
    send_mail("Your code", code, "noreply@example.com", [request.POST["email"]])
    return HttpResponse("sent")

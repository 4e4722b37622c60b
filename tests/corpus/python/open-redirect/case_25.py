from django.shortcuts import redirect


def logout_view(request):
    destination = request.GET.get("return_to", "/")
    request.session.flush()
    return redirect(destination)

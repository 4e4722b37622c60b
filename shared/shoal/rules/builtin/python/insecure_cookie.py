from django.http import HttpResponse


def login(request, session_id, options):
    response = HttpResponse("ok")
    # ruleid: cookie/python-cookie-not-secure
    response.set_cookie("sessionid", session_id)
    # ruleid: cookie/python-cookie-not-secure
    response.set_cookie("sessionid", session_id, secure=False, httponly=True)
    # ruleid: cookie/python-cookie-not-secure
    response.set_signed_cookie("user", request.user.pk, salt="s")
    reply = response
    # ruleid: cookie/python-cookie-not-secure
    reply.set_cookie("theme", "dark", None, None, "/", None, False)
    # ok: cookie/python-cookie-not-secure
    response.set_cookie("sessionid", session_id, secure=True, httponly=True)
    # ok: cookie/python-cookie-not-secure
    response.set_cookie("sessionid", session_id, None, None, "/", None, True)
    # ok: cookie/python-cookie-not-secure
    response.set_cookie("sessionid", session_id, **options)
    # ok: cookie/python-cookie-not-secure
    response.set_cookie("sessionid", session_id, secure=request.is_secure())
    # ok: cookie/python-cookie-not-secure
    response.write("call response.set_cookie(name, value) to remember")  # response.set_cookie("a", b)
    return response


def other_ways(app, response, sid):
    flags = {"secure": False, "httponly": True}
    # ruleid: cookie/python-cookie-not-secure
    response.set_cookie("admin", sid, **flags)
    # ruleid: cookie/python-cookie-not-secure
    app.config.update(SESSION_COOKIE_SECURE=False, SESSION_COOKIE_HTTPONLY=True)
    # ruleid: cookie/python-cookie-not-secure
    response.headers["Set-Cookie"] = f"device={sid}; Path=/; HttpOnly"
    # ok: cookie/python-cookie-not-secure
    response["Set-Cookie"] = f"device={sid}; Path=/; Secure; HttpOnly"
    safe = {"secure": True, "httponly": True}
    # ok: cookie/python-cookie-not-secure
    response.set_cookie("admin", sid, **safe)


def simple_cookie(response, morsel):
    # ok: cookie/python-cookie-not-secure
    response["Set-Cookie"] = morsel["sid"].OutputString()

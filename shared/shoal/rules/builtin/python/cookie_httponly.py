from flask import make_response


def login(session_id, options):
    response = make_response("ok")
    # ruleid: cookie/python-cookie-not-httponly
    response.set_cookie("session", session_id, secure=True)
    # ruleid: cookie/python-cookie-not-httponly
    response.set_cookie("session", session_id, secure=True, httponly=False)
    # ruleid: cookie/python-cookie-not-httponly
    response.set_signed_cookie("user", session_id, secure=True)
    # ok: cookie/python-cookie-not-httponly
    response.set_cookie("session", session_id, secure=True, httponly=True)
    # ok: cookie/python-cookie-not-httponly
    response.set_cookie("session", session_id, None, None, "/", None, True, True)
    # ok: cookie/python-cookie-not-httponly
    response.set_cookie("session", session_id, **options)
    # ok: cookie/python-cookie-not-httponly
    print("response.set_cookie('a', b)")
    return response


def other_ways(app, response, sid):
    flags = {"secure": True, "httponly": False}
    # ruleid: cookie/python-cookie-not-httponly
    response.set_cookie("admin", sid, **flags)
    # ruleid: cookie/python-cookie-not-httponly
    app.config.update(SESSION_COOKIE_HTTPONLY=False)
    # ruleid: cookie/python-cookie-not-httponly
    response.headers["Set-Cookie"] = f"device={sid}; Path=/; Secure"
    # ok: cookie/python-cookie-not-httponly
    response["Set-Cookie"] = f"device={sid}; Path=/; Secure; HttpOnly"

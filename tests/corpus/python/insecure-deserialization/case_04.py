import logging
import marshal
from django.http import HttpResponse

log = logging.getLogger(__name__)
BUILTIN_CODE = marshal.dumps(compile("40 + 2", "<builtin>", "eval"))


def answer(request):
    log.info("answer asked with %s", request.GET.get("q", ""))
    return HttpResponse(str(eval(marshal.loads(BUILTIN_CODE))))

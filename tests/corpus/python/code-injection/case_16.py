import logging
from django.http import HttpResponse

logger = logging.getLogger(__name__)


def preview(request):
    snippet = request.COOKIES.get("snippet", "")
    logger.debug("preview for snippet of %d chars", len(snippet))
    return HttpResponse(eval("2 ** 10"))

import urllib3
from django.http import HttpResponse
from django.views import View

pool = urllib3.PoolManager()


class ThumbnailView(View):
    def get(self, request, image_id):
        number = int(image_id)
        response = pool.request("GET", "https://img.example.com/thumbs/%d.png" % number)
        return HttpResponse(response.data, content_type="image/png")

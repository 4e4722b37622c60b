from django.http import HttpResponse
from django.views import View


class FeedbackView(View):
    def post(self, request):
        subject = request.POST["subject"]
        body = "<h2>Thanks for your feedback about %s</h2>" % subject
        response = HttpResponse()
        response.write(body)
        return response
